import { afterAll, beforeAll, expect, it } from 'vitest';

/**
 * The page's Content-Security-Policy forbids eval, in the page and in its workers. Here `Function`
 * refuses (and counts) every attempt before any module of the app is loaded: each module below is
 * imported dynamically, after that, as the packet-check worker loads them.
 */
const evalAttempts: string[] = [];
const builtInFunction = globalThis.Function;
const refuse = (args: unknown[]) => {
  evalAttempts.push(args.map(String).join(', '));
  throw new EvalError('refused: the Content-Security-Policy forbids eval');
};

beforeAll(() => {
  globalThis.Function = new Proxy(builtInFunction, {
    construct: (_target, args) => refuse(args),
    apply: (_target, _this, args) => refuse(args),
  });
});
afterAll(() => {
  globalThis.Function = builtInFunction;
});

it("the packet check (the worker's code) reads, parses and verifies a packet without once trying eval", async () => {
  const { checkPacketFile } = await import('../src/ui/audit/packetCheck');
  const { extendLedger, makePacket, sealPacket } = await import('../src/record/ledger');
  const { createKeyPair, publicHalf, publicKeyRecord } = await import('../src/record/signing');
  const { foldSession, scriptedEvents } = await import('../src/session/fold');
  const { defaultProfile } = await import('../src/session/profile');
  const { loadBuiltInScenario } = await import('./support');
  const wall = '2026-11-25T12:00:00Z';
  const scenario = loadBuiltInScenario('soyuz-ms-22.json');
  const profile = await defaultProfile();
  const fold = foldSession({ scenario, profile, events: scriptedEvents(scenario, wall) });
  const pair = await createKeyPair(false);
  const sealer = {
    ...(await publicKeyRecord({ name: 'Ana Flight', role: 'flight director' }, pair.publicKey)),
    privateKey: pair.privateKey,
  };
  const packet = await sealPacket(makePacket(scenario, profile, await extendLedger(scenario, profile, [], fold)), sealer, wall);

  const kinds: string[] = [];
  await checkPacketFile(
    { file: new Blob([JSON.stringify(packet)]), fileName: 'ms-22.json', trusted: [publicHalf(sealer)] },
    (message) => {
      kinds.push(message.kind === 'problems' ? `problems: ${message.problems.join('; ')}` : message.kind);
    },
  );

  expect(kinds.filter((k) => k !== 'progress')).toEqual(['packet', 'entries', 'verified']);
  expect(evalAttempts).toEqual([]);
});
