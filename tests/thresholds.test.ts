import { describe, expect, it } from 'vitest';
import { defaultThresholdValues, thresholdDefinitions, validateThresholdValues } from '../machines/policy/thresholds';
import { parsePartialProfile, parseThresholdAssignment } from '../src/files/profileFile';
import { defaultProfile, overlayProfile } from '../src/session/profile';

describe('threshold profiles', () => {
  it('the default profile is valid and every value names its source', async () => {
    expect(validateThresholdValues(defaultThresholdValues)).toEqual([]);
    for (const d of thresholdDefinitions) expect(d.source, d.key).toMatch(/^([A-Z0-9]+(-[A-Z0-9]+)*|assumed)$/);
    const profile = await defaultProfile();
    expect(profile.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(profile.id).toBe('default');
  });

  it('the content hash changes with any value and not with key order', async () => {
    const base = await defaultProfile();
    const reordered = await overlayProfile('x', base, Object.fromEntries(Object.entries(base.values).reverse()));
    const changed = await overlayProfile('x', base, { 'maxDescentCabinTempC.nominal': 28 });
    expect(reordered.ok && reordered.value.contentHash).toBe(base.contentHash);
    expect(changed.ok && changed.value.contentHash).not.toBe(base.contentHash);
  });

  it.each([
    [{ 'maxDescentCabinTempC.nominal': 'hot' }, 'maxDescentCabinTempC.nominal', 'a number of °C from 0 to 80, got "hot"'],
    [{ 'maxDescentCabinTempC.nominal': 500 }, 'maxDescentCabinTempC.nominal', 'a number of °C from 0 to 80, got 500'],
    [{ 'minAttitudeFaultTolerance.nominal': 0.5 }, 'minAttitudeFaultTolerance.nominal', 'a whole number from 0 to 16, got 0.5'],
    [{ certifiedLifeDays: 200 }, 'certifiedLifeDays', 'certified life is a fact of each vehicle class'],
    [{ 'maxAttitudeThrustersLost.emergency': 2 }, 'maxAttitudeThrustersLost.emergency', 'minAttitudeFaultTolerance'],
    [{ minDeorbitDeltaVMps: 128 }, 'minDeorbitDeltaVMps', 'minDeorbitDeltaVMarginPct'],
    [{ cabinTemp: 3 }, 'cabinTemp', 'a known threshold key'],
    [
      { 'maxDescentCabinTempC.nominl': 3 },
      'maxDescentCabinTempC.nominl',
      'a known threshold key (closest: maxDescentCabinTempC.nominal)',
    ],
    [
      { maxDescentCabinTempC: 3 },
      'maxDescentCabinTempC',
      '(closest: maxDescentCabinTempC.nominal, maxDescentCabinTempC.emergency)',
    ],
  ])('rejects %j naming the key', (values, key, expected) => {
    const problems = validateThresholdValues(values);
    expect(problems[0]?.key).toBe(key);
    expect(problems[0]?.expected).toContain(expected);
  });

  it('rejects an emergency limit stricter than the nominal one', () => {
    const problems = validateThresholdValues({ ...defaultThresholdValues, 'maxDescentCabinTempC.emergency': 25 });
    expect(problems).toEqual([
      {
        key: 'maxDescentCabinTempC.emergency',
        expected: expect.stringContaining('no stricter than the nominal one (at least 27 °C)'),
      },
    ]);
  });

  it('parses partial profile files and --set assignments', async () => {
    const partial = parsePartialProfile(
      'p.json',
      '{"id":"hot-day","version":"3","thresholds":{"maxDescentCabinTempC.emergency":45}}',
    );
    expect(partial).toEqual({
      ok: true,
      value: { id: 'hot-day', version: '3', thresholds: { 'maxDescentCabinTempC.emergency': 45 } },
    });
    expect(parsePartialProfile('p.json', '{"thresholds":{"x":1},"extra":2}')).toMatchObject({
      ok: false,
      problems: [{ path: 'extra' }, { path: 'thresholds.x' }],
    });
    expect(parseThresholdAssignment('maxCertifiedLifeUsedPct.emergency=120')).toEqual({
      ok: true,
      value: ['maxCertifiedLifeUsedPct.emergency', 120],
    });
    expect(parseThresholdAssignment('maxCertifiedLifeUsedPct.emergency=abc')).toMatchObject({
      ok: false,
      problems: [{ path: 'maxCertifiedLifeUsedPct.emergency' }],
    });
    expect(parseThresholdAssignment('maxCertifiedLifeUsedPct.emergency=')).toMatchObject({ ok: false });
    expect(parseThresholdAssignment('certifiedLifeDays=200')).toMatchObject({
      ok: false,
      problems: [{ path: 'certifiedLifeDays', expected: expect.stringContaining('maxCertifiedLifeUsedPct') }],
    });
    expect(parseThresholdAssignment('nonsense')).toMatchObject({ ok: false });
  });
});
