import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { decide, scratchFolder } from './cliHarness';
import { expectInvalid } from './cliRefused';

const root = new URL('..', import.meta.url).pathname;
const ms22 = 'scenarios/soyuz-ms-22.json';

const { file } = scratchFolder('decide-');

describe('npm run decide refuses impossible inputs (exit 2, file, field path, what was expected)', () => {
  // biome-ignore lint/suspicious/noExplicitAny: a scenario's JSON, altered freely to make it impossible
  type Scenario = Record<string, any>;
  const cases: [string, (s: Scenario) => void, RegExp][] = [
    [
      'a lead time ≤ 0',
      (s) => {
        s.events[10].value.nominal = -1000;
      },
      /events\[10\]\.value\.nominal: Replacement lead time: a number above 0 up to 3650 days, got -1000$/m,
    ],
    [
      'a hold of 0 days',
      (s) => {
        s.events[20].holdDays = { nominal: 0, source: 'assumed' };
      },
      /events\[20\]\.holdDays\.nominal: Launch hold for common cause: a number above 0/m,
    ],
    [
      'a temperature of −300 °C',
      (s) => {
        s.events[11].value = { nominal: -300, source: 'assumed' };
      },
      /events\[11\]\.value\.nominal: Predicted peak descent cabin temperature: a number from -100 to 150 °C, got -300$/m,
    ],
    [
      'a humidity of 120 %',
      (s) => {
        s.events[12].value.high = 120;
      },
      /events\[12\]\.value\.high: Predicted peak descent cabin humidity: a number from 0 to 100 %RH, got 120$/m,
    ],
    [
      'a vehicle launched after the scenario start',
      (s) => {
        s.setup.damagedVehicle.launchedUtc = '2099-01-01T00:00:00Z';
      },
      /setup\.damagedVehicle\.launchedUtc: a launch no later than the scenario start \(2022-12-14T00:00:00Z\)$/m,
    ],
    [
      'duplicate crew ids',
      (s) => {
        s.setup.crew[1].id = 'prokopyev';
      },
      /setup\.crew\[1\]\.id: a crew id used once \("prokopyev" is repeated\)$/m,
    ],
    [
      "another vehicle with the damaged vehicle's id",
      (s) => {
        s.setup.otherVehicles[0].id = 'soyuz-ms-22';
      },
      /setup\.otherVehicles\[0\]\.id: an id no other vehicle has \("soyuz-ms-22" is setup\.damagedVehicle's\)$/m,
    ],
    [
      'a report for more crew than there are',
      (s) => {
        s.events[11].crewCount = 5;
      },
      /events\[11\]\.crewCount: a crew count no larger than the crew \(3\), got 5$/m,
    ],
    [
      'a rationale of zero-width characters',
      (s) => {
        s.events[17].rationale = '\u200B\u200B \u2060';
      },
      /events\[17\]\.rationale: a rationale with visible characters/m,
    ],
    [
      'more crew than the seats of all docked vehicles',
      (s) => {
        for (let i = 0; i < 4; i++) s.setup.crew.push({ id: `extra-${i}`, name: `Extra ${i}`, canRelocateTo: [] });
      },
      /setup\.crew: no more crew than the seats of all docked vehicles together \(3 on Soyuz MS-22, 1 on Crew Dragon Endurance \(Crew-5\): 4\), got 7$/m,
    ],
    [
      'an unknown vehicle class',
      (s) => {
        s.setup.otherVehicles[0].class = 'vostok-x';
      },
      /setup\.otherVehicles\[0\]\.class: a vehicle class of the catalogue or a class described in full, got "vostok-x" \(one of: soyuz-ms, .*\)$/m,
    ],
    [
      "a cargo vehicle as the crew's ride home",
      (s) => {
        s.setup.damagedVehicle.class = 'progress-ms';
      },
      /setup\.damagedVehicle\.class: a crew vehicle class \(progress-ms carries cargo only/m,
    ],
    [
      'an override of a fact the class does not have',
      (s) => {
        s.setup.otherVehicles[0].overrides.wings = { value: 2, source: 'assumed', basis: 'x' };
      },
      /setup\.otherVehicles\[0\]\.overrides\.wings: a fact of class crew-dragon, got "wings" \(machines\/vehicles\/catalogue lists them\)$/m,
    ],
    [
      'a misspelt override of a fact the class has',
      (s) => {
        s.setup.otherVehicles[0].overrides.crewSeat = { value: 2, source: 'assumed', basis: 'x' };
      },
      /setup\.otherVehicles\[0\]\.overrides\.crewSeat: a fact of class crew-dragon, got "crewSeat" \(closest: crewSeats\)$/m,
    ],
    [
      'an assumed override without a basis',
      (s) => {
        s.setup.otherVehicles[0].overrides.crewSeats = { value: 3, source: 'assumed' };
      },
      /setup\.otherVehicles\[0\]\.overrides\.crewSeats\.basis: a basis for an assumed value$/m,
    ],
  ];
  it.each(cases)('%s', async (_, mutate, expected) => {
    const scenario = JSON.parse(readFileSync(join(root, ms22), 'utf8'));
    mutate(scenario);
    expectInvalid(await decide(file('impossible.json', JSON.stringify(scenario))), expected);
  });

  it('refuses the removed global vehicle keys in --set and in a threshold file, naming what replaced them', async () => {
    const result = await decide(ms22, '--set', 'certifiedLifeDays=200', '--set', 'maxAttitudeThrustersLost.emergency=2');
    expectInvalid(
      result,
      /^error: --set: certifiedLifeDays: certifiedLifeDays was removed: .*maxCertifiedLifeUsedPct\.nominal \/ \.emergency/m,
      /^error: --set: maxAttitudeThrustersLost\.emergency: .*minAttitudeFaultTolerance/m,
    );
    const old = file('old-profile.json', JSON.stringify({ thresholds: { minDeorbitDeltaVMps: 120 } }));
    expectInvalid(
      await decide(ms22, '--thresholds', old),
      /thresholds\.minDeorbitDeltaVMps: minDeorbitDeltaVMps was removed: .*minDeorbitDeltaVMarginPct/,
    );
  });
});
