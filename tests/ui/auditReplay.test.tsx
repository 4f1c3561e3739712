// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyStore } from '../../src/files/keyStore';
import { extendLedger, makePacket } from '../../src/record/ledger';
import { replayPacket, verifyPacket } from '../../src/record/verify';
import { foldSession, scriptedEvents } from '../../src/session/fold';
import { defaultProfile } from '../../src/session/profile';
import { AuditView, type ImportedPacket } from '../../src/ui/audit';
import { loadBuiltInScenario } from '../support';

afterEach(cleanup);

async function importedSoyuzPacket(): Promise<ImportedPacket> {
  const scenario = loadBuiltInScenario('soyuz-ms-22.json');
  const profile = await defaultProfile();
  const fold = foldSession({ scenario, profile, events: scriptedEvents(scenario, '2026-11-25T12:00:00Z') });
  const packet = makePacket(scenario, profile, await extendLedger(scenario, profile, [], fold));
  const replay = replayPacket(packet);
  return { fileName: 'soyuz.packet.json', packet, fold: replay, verification: await verifyPacket(packet, replay) };
}

const noKeys: KeyStore = {
  unlock: () => Promise.reject(new Error('no signing here')),
  lockAll: () => undefined,
  signerFor: () => Promise.reject(new Error('no signing here')),
  trustedKeys: async () => [],
  trust: async () => ({ kind: 'added' as const, alongside: [] }),
  distrust: async () => undefined,
};

const view = (imported: ImportedPacket, onReplay?: (imported: ImportedPacket) => void) => (
  <AuditView
    walkthrough={null}
    ledger={[]}
    imported={imported}
    refusal={null}
    onNote={vi.fn()}
    onImported={vi.fn()}
    onReplay={onReplay}
    keys={noKeys}
    operator={null}
  />
);

describe('audit view: an imported packet', () => {
  it('offers a replay in the walkthrough that hands over the packet shown', async () => {
    const imported = await importedSoyuzPacket();
    const onReplay = vi.fn();
    render(view(imported, onReplay));
    fireEvent.click(screen.getByRole('button', { name: 'Replay in walkthrough' }));
    expect(onReplay).toHaveBeenCalledExactlyOnceWith(imported);
  });

  it('offers no replay where the app does not provide one', async () => {
    render(view(await importedSoyuzPacket()));
    expect(screen.queryByRole('button', { name: 'Replay in walkthrough' })).toBeNull();
  });
});
