import { useState } from 'react';

export function NoteForm({ refusal, onNote }: { refusal: string | null; onNote: (text: string) => void }) {
  const [note, setNote] = useState('');
  return (
    <form
      className="note-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!note.trim()) return;
        onNote(note.trim());
        setNote('');
      }}
    >
      <label>
        Add a note to the record <input value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      </label>
      <button type="submit">Add note</button>
      {refusal && <span className="field-error">Not recorded: {refusal}</span>}
    </form>
  );
}
