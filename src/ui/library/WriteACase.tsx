import { useState } from 'react';
import type { Scenario } from '../../../scenarios/schema';
import { readFileText } from '../../files/utf8Text';
import type { InputProblem } from '../../session/inputProblem';
import { parseJsonText } from '../../session/inputProblem';
import type { EditorRequest } from '../editor';

interface Props {
  library: Scenario[];
  onNew: (request: EditorRequest) => void;
  /** A file that is not JSON at all: said where the library says why a file was not opened. */
  onRejectedFile: (problems: InputProblem[]) => void;
}

/** Starting a case of one's own: blank, a copy of a library case (which is then never that case), or a file to mend. */
export function WriteACase({ library, onNew, onRejectedFile }: Props) {
  const [copyOf, setCopyOf] = useState(library[0]?.id ?? '');
  const from = library.find((s) => s.id === copyOf);
  const openFile = async (file: File) => {
    const text = await readFileText(file, file.name);
    const json = text.ok ? parseJsonText(file.name, text.value) : text;
    if (!json.ok) onRejectedFile(json.problems);
    else if (typeof json.value !== 'object' || json.value === null || Array.isArray(json.value))
      onRejectedFile([
        { file: file.name, path: '(the file)', expected: 'a scenario: a JSON object with format, id, title, setup and events' },
      ]);
    else onNew({ id: crypto.randomUUID(), start: 'file', file: json.value as Record<string, unknown>, fileName: file.name });
  };
  return (
    <section aria-labelledby="write-a-case-title" className="write-a-case">
      <h2 id="write-a-case-title">Write a case</h2>
      <button type="button" onClick={() => onNew({ id: crypto.randomUUID(), start: 'blank' })}>
        New blank case
      </button>{' '}
      <label>
        or copy{' '}
        <select value={copyOf} onChange={(e) => setCopyOf(e.currentTarget.value)}>
          {library.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" disabled={!from} onClick={() => from && onNew({ id: crypto.randomUUID(), start: 'copy', from })}>
        Copy to a new case
      </button>{' '}
      <label>
        or open a scenario file in the editor, valid or not{' '}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void openFile(file);
          }}
        />
      </label>
    </section>
  );
}
