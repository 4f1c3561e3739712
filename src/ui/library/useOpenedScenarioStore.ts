import { useCallback, useEffect, useRef, useState } from 'react';
import { openScenarioStore, type UnreadableScenario } from '../../files/scenarioStore';
import type { OpenedScenario } from '../../session/openedScenario';

export interface OpenedScenarioShelf {
  /** Stored scenarios that no longer validate: reported, never offered. */
  unreadable: UnreadableScenario[];
  /** Why opened scenarios cannot be kept in this browser, if they cannot. */
  storeProblem: string | null;
  /** Resolves once the stored scenarios are back in the library, so a new file's id is checked against them too. */
  whenRestored: Promise<void>;
  discardUnreadable: (id: string) => void;
}

function restoration() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Keeps the scenarios opened from files in IndexedDB: restores them once, then stores each one
 * added and deletes each one removed, one write after another.
 */
export function useOpenedScenarioStore(
  openedScenarios: OpenedScenario[],
  onRestored: (openedScenarios: OpenedScenario[]) => void,
): OpenedScenarioShelf {
  const [unreadable, setUnreadable] = useState<UnreadableScenario[]>([]);
  const [storeProblem, setStoreProblem] = useState<string | null>(null);
  const [store] = useState(() => openScenarioStore().catch((error: unknown) => messageOf(error)));
  const [restored] = useState(restoration);
  /** What the store holds, by id; null until restored (nothing is written before that). */
  const stored = useRef<Map<string, OpenedScenario> | null>(null);
  const writes = useRef(Promise.resolve());

  useEffect(() => {
    let current = true;
    store
      .then(async (opened) => {
        if (typeof opened === 'string') throw new Error(opened);
        const { readable, unreadable } = await opened.load();
        if (!current) return;
        stored.current = new Map(readable.map((o) => [o.scenario.id, o]));
        setUnreadable(unreadable);
        onRestored(readable);
      })
      .catch((error: unknown) => {
        if (!current) return;
        stored.current = new Map();
        setStoreProblem(messageOf(error));
      })
      .finally(() => current && restored.resolve());
    return () => {
      current = false;
    };
  }, [store, restored, onRestored]);

  useEffect(() => {
    const before = stored.current;
    if (!before) return;
    const now = new Map(openedScenarios.map((o) => [o.scenario.id, o]));
    stored.current = now;
    writes.current = writes.current
      .then(async () => {
        const opened = await store;
        if (typeof opened === 'string') return;
        for (const [id, o] of now) if (before.get(id) !== o) await opened.put(o);
        for (const id of before.keys()) if (!now.has(id)) await opened.remove(id);
      })
      .catch((error: unknown) => setStoreProblem(messageOf(error)));
  }, [openedScenarios, store]);

  const discardUnreadable = useCallback(
    (id: string) => {
      writes.current = writes.current
        .then(async () => {
          const opened = await store;
          if (typeof opened !== 'string') await opened.remove(id);
          setUnreadable((list) => list.filter((u) => u.id !== id));
        })
        .catch((error: unknown) => setStoreProblem(messageOf(error)));
    },
    [store],
  );

  return { unreadable, storeProblem, whenRestored: restored.promise, discardUnreadable };
}
