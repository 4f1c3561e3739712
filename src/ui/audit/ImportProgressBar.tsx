import { useSyncExternalStore } from 'react';
import type { ImportProgress } from './importPacket';

/** How far an import is, kept apart from the view so that a progress step re-renders the bar alone. */
export function createProgressChannel() {
  let value: ImportProgress | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next: ImportProgress | null) {
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type ProgressChannel = ReturnType<typeof createProgressChannel>;

export function ImportProgressBar({ channel }: { channel: ProgressChannel }) {
  const progress = useSyncExternalStore(channel.subscribe, channel.get);
  if (!progress) return null;
  const percent = Math.round(Math.min(1, progress.fraction) * 100);
  return (
    <div className="import-progress">
      <progress id="import-progress" max={100} value={percent} aria-label="Importing the packet" />
      <label htmlFor="import-progress" className="muted">
        {percent} % · {progress.step}
      </label>
    </div>
  );
}
