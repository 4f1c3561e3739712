import { type AuditEntry, type DecisionPacket, eventsOf } from '../../record/ledger';
import type { PublicKeyRecord } from '../../record/signing';
import type { Verification } from '../../record/verdict';
import { extendFold, machineInput, type SessionFold, startFold } from '../../session/fold';
import { checkPacketFile, type PacketCheckMessage, type PacketCheckRequest } from './packetCheck';

export interface ImportedPacket {
  fileName: string;
  packet: DecisionPacket;
  /** Its events replayed through the machine (the replay verification made). */
  fold: SessionFold;
  verification: Verification;
}

export interface ImportProgress {
  step: string;
  /** 0…1 */
  fraction: number;
}

export type ImportResult = { ok: true; imported: ImportedPacket } | { ok: false; problems: string[] };

/**
 * The page folds the packet in tasks of about this long, a few events at a time: a task stays well
 * under the 50 ms a long task starts at, however much one event's derived record costs.
 */
const sliceBudgetMs = 10;
const eventsPerStep = 5;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Imports a packet file: verified in a worker (where the browser has one), then taken in and folded
 * on the page in slices, so that no task of the page is long; `onProgress` says how far it is.
 */
export async function importPacket(
  file: File,
  trusted: readonly PublicKeyRecord[],
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportResult> {
  const messages = checkInWorker(file, trusted) ?? checkHere(file, trusted);
  let packet: Omit<DecisionPacket, 'entries'> | null = null;
  const entries: AuditEntry[] = [];
  for await (const message of messages) {
    if (message.kind === 'progress') onProgress(message);
    else if (message.kind === 'problems') return { ok: false, problems: message.problems };
    else if (message.kind === 'packet') packet = message.packet;
    else if (message.kind === 'entries') {
      for (const entry of message.entries) entries.push(entry);
      onProgress({
        step: 'receiving the verified entries',
        fraction: 0.7 + (0.1 * entries.length) / Math.max(1, packet?.entryCount ?? 1),
      });
    } else if (packet) {
      const whole: DecisionPacket = { ...packet, entries };
      const fold = await foldInSlices(whole, onProgress);
      return { ok: true, imported: { fileName: file.name, packet: whole, fold, verification: message.verification } };
    }
  }
  return { ok: false, problems: [`${file.name}: the check ended without a verdict`] };
}

/** The record shown needs the packet's own fold; made here a slice per task. */
async function foldInSlices(packet: DecisionPacket, onProgress: (progress: ImportProgress) => void): Promise<SessionFold> {
  let fold = startFold(machineInput(packet.scenario, packet.profile));
  const events = eventsOf(packet);
  const count = events.length;
  for (let i = 0; i < count; ) {
    await nextTask();
    const start = performance.now();
    do {
      fold = extendFold(fold, events.slice(i, i + eventsPerStep));
      i += eventsPerStep;
    } while (i < count && performance.now() - start < sliceBudgetMs);
    onProgress({ step: 'opening the record', fraction: 0.8 + (0.2 * Math.min(i, count)) / count });
  }
  return fold;
}

function checkInWorker(file: File, trusted: readonly PublicKeyRecord[]): AsyncIterable<PacketCheckMessage> | null {
  if (typeof Worker === 'undefined') return null;
  const worker = new Worker(new URL('./packetCheck.worker.ts', import.meta.url), { type: 'module' });
  return messagesOf((push, end) => {
    worker.onmessage = ({ data }: MessageEvent<PacketCheckMessage>) => {
      push(data);
      if (data.kind === 'problems' || data.kind === 'verified') end();
    };
    worker.onerror = (event) => {
      event.preventDefault();
      push({
        kind: 'problems',
        problems: [`${file.name}: could not be checked: ${event.message || 'the checking worker failed'}`],
      });
      end();
    };
    worker.postMessage({ file, fileName: file.name, trusted } satisfies PacketCheckRequest);
    return () => worker.terminate();
  });
}

/** Where there is no worker (tests in a simulated DOM), the same check on this thread. */
function checkHere(file: File, trusted: readonly PublicKeyRecord[]): AsyncIterable<PacketCheckMessage> {
  return messagesOf((push, end) => {
    void checkPacketFile({ file, fileName: file.name, trusted }, push).finally(end);
    return () => {};
  });
}

/** A stream of messages as an async iterable, each taken in its own task. */
async function* messagesOf(
  start: (push: (message: PacketCheckMessage) => void, end: () => void) => () => void,
): AsyncIterable<PacketCheckMessage> {
  const queue: PacketCheckMessage[] = [];
  let ended = false;
  let wake = () => {};
  const stop = start(
    (message) => {
      queue.push(message);
      wake();
    },
    () => {
      ended = true;
      wake();
    },
  );
  try {
    while (queue.length || !ended) {
      const message = queue.shift();
      if (message) {
        yield message;
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    stop();
  }
}
