import { memo } from 'react';
import {
  AddItem,
  ChoiceList,
  FieldProblems,
  ItemActions,
  problemsExactlyAt,
  type SectionProps,
  sectionShows,
  TextField,
} from './fields';

type Json = Record<string, unknown>;
const crewPath = ['setup', 'crew'] as const;

/** The crew of the damaged vehicle, one seat each, and the docked vehicles each may move to. */
export const CrewSection = memo(
  function CrewSection({ file, problems, dispatch, choices }: SectionProps) {
    const setup = (file.setup ?? {}) as Json;
    const crew = Array.isArray(setup.crew) ? (setup.crew as Json[]) : [];
    const field = { problems, dispatch };
    const freeId = () => {
      let n = crew.length + 1;
      while (choices.crewIds.includes(`crew-${n}`)) n += 1;
      return `crew-${n}`;
    };
    return (
      <section aria-labelledby="draft-crew-title" className="draft-section">
        <h3 id="draft-crew-title">Crew ({crew.length})</h3>
        <ol className="draft-list">
          {crew.map((person, i) => {
            const name = `crew member ${i + 1} (${String(person.name || person.id || 'unnamed')})`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the index is the person's seat order
              <li key={i} aria-label={name}>
                <TextField label="Id" path={[...crewPath, i, 'id']} value={person.id} {...field} />
                <TextField label="Name" path={[...crewPath, i, 'name']} value={person.name} {...field} />
                <ChoiceList
                  label="May move to (their seat liner fits there)"
                  path={[...crewPath, i, 'canRelocateTo']}
                  value={person.canRelocateTo}
                  choices={choices.otherVehicleIds}
                  {...field}
                />
                <ItemActions list={crewPath} index={i} count={crew.length} name={name} dispatch={dispatch} />
              </li>
            );
          })}
        </ol>
        <AddItem
          list={crewPath}
          count={crew.length}
          item={() => ({ id: freeId(), name: '', canRelocateTo: [] })}
          dispatch={dispatch}
        >
          Add a crew member
        </AddItem>
        <FieldProblems id="crew-problems" problems={problemsExactlyAt(problems, crewPath)} />
      </section>
    );
  },
  sectionShows(['setup']),
);
