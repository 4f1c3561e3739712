// @vitest-environment happy-dom
// Over 300 lines: the decision-side panels rendered against one real session; each panel is a describe block of its own.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flipPoints, inputFlipPoints } from '../../machines/policy/flipPoints';
import { recommend } from '../../machines/policy/policy';
import { defaultThresholdValues, thresholdDefinitionByKey } from '../../machines/policy/thresholds';
import { defaultPollPositions } from '../../machines/statechart/poll';
import { type DecidableOutcome, decidableOutcomes } from '../../machines/types';
import { defaultProfile } from '../../src/session/profile';
import { moveTo, openWalkthrough, recordEvent } from '../../src/session/walkthrough';
import { viewWalkthrough } from '../../src/session/walkthroughView';
import { DecisionPanel } from '../../src/ui/decision/DecisionPanel';
import { FlipTable } from '../../src/ui/decision/FlipTable';
import { PolicyTable } from '../../src/ui/decision/PolicyTable';
import { PollPanel } from '../../src/ui/decision/PollPanel';
import { ThresholdsPanel } from '../../src/ui/thresholds/ThresholdsPanel';
import { Timeline } from '../../src/ui/walkthrough/Timeline';
import { dayAfterLaunchUtc, loadBuiltInScenario, situation } from '../support';

afterEach(cleanup);

const emergencyTemp = thresholdDefinitionByKey.get('maxDescentCabinTempC.emergency');
if (!emergencyTemp) throw new Error('definition missing');

/** The thresholds panel as the walkthrough renders it, asking a real session what it would record. */
async function renderInput(temperatureUnit: '°C' | '°F' = '°C') {
  const onChange = vi.fn();
  const session = viewWalkthrough(openWalkthrough(loadBuiltInScenario('soyuz-ms-22.json'), await defaultProfile(), 'now'));
  render(
    <ThresholdsPanel
      profile={{ id: 'default', version: 'test', values: defaultThresholdValues, contentHash: '' }}
      thresholds={defaultThresholdValues}
      temperatureUnit={temperatureUnit}
      refusal={null}
      readOnly={null}
      refusalOf={(key, value) => session.refusalOf({ type: 'thresholds.change', key, value })}
      onChange={onChange}
      onSet={vi.fn()}
    />,
  );
  const input = document.getElementById(`threshold-${emergencyTemp?.key}`) as HTMLInputElement;
  const type = (text: string) => {
    fireEvent.change(input, { target: { value: text } });
    fireEvent.keyDown(input, { key: 'Enter' });
  };
  return { input, type, committed: () => onChange.mock.calls.map((call) => call[1] as number) };
}

describe('ThresholdInput', () => {
  it.each([
    ['', 'Enter a value.'],
    ['hot', '“hot” is not a number.'],
    ['81', 'a number of °C from 0 to 80'],
    ['20', 'no stricter than the nominal one'],
  ])('refuses %j with a message and never commits', async (text, message) => {
    const { input, committed, type } = await renderInput();
    type(text);
    expect(screen.getByRole('alert').textContent).toContain(message);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(committed()).toEqual([]);
  });

  it('commits a valid value once, on Enter', async () => {
    const { committed, type } = await renderInput();
    type('42.5');
    expect(committed()).toEqual([42.5]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows °F and commits °C', async () => {
    const { input, committed, type } = await renderInput('°F');
    expect(input.value).toBe('104');
    type('109.4');
    expect(committed()[0]).toBeCloseTo(43);
  });

  it('Escape restores the current value and clears the message', async () => {
    const { input, type } = await renderInput();
    type('x');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('40');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

/** A DecisionPanel with nothing refused, nothing under review and no poll: each test sets what it is about. */
const panelDefaults = {
  confirmRefusal: null,
  refusal: null,
  readOnly: null,
  polls: [],
  defaultPositions: defaultPollPositions,
  pollRefusal: null,
  overrideOutcomes: decidableOutcomes,
  overrideRefusal: null,
  closedOverrides: {},
  onVote: vi.fn(),
  unlock: async () => null,
  place: 'test',
};

describe('DecisionPanel', () => {
  it('an override needs a chosen outcome (the list starts unchosen) and a rationale; with both it is sent trimmed', () => {
    const onDecide = vi.fn();
    render(<DecisionPanel recommendation={recommend(situation())} {...panelDefaults} onDecide={onDecide} />);
    const list = screen.getByLabelText('Override to') as HTMLSelectElement;
    expect(list.value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Override' }));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'Choose the outcome to override to.',
      'An override needs a rationale: say why the recommendation is not followed.',
    ]);
    expect(document.activeElement).toBe(list);
    expect(onDecide).not.toHaveBeenCalled();
    fireEvent.change(list, { target: { value: 'emergency-return' } });
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'An override needs a rationale: say why the recommendation is not followed.',
    ]);
    fireEvent.change(screen.getByLabelText('Rationale'), { target: { value: '  waiver  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Override' }));
    expect(onDecide).toHaveBeenCalledWith({ type: 'decision.override', outcome: 'emergency-return', rationale: 'waiver' });
  });

  it('offers an override to the outcomes the machine would take: never the recommended one', async () => {
    const view = viewWalkthrough(
      moveTo(openWalkthrough(loadBuiltInScenario('soyuz-ms-22.json'), await defaultProfile(), 'now'), 17, 'now'),
    );
    expect(view.recommendation?.outcome).toBe('launch-replacement');
    expect(view.overrideOutcomes).not.toContain('launch-replacement');
    expect(view.overrideOutcomes.length).toBe(decidableOutcomes.length - 1);
    render(
      <DecisionPanel
        {...panelDefaults}
        recommendation={view.recommendation}
        confirmRefusal={view.confirmRefusal}
        onDecide={vi.fn()}
        overrideOutcomes={view.overrideOutcomes}
        overrideRefusal={view.overrideRefusal}
        closedOverrides={view.closedOverrides}
      />,
    );
    const offered = [...(screen.getByLabelText('Override to') as HTMLSelectElement).options]
      .filter((o) => !o.disabled)
      .map((o) => o.value);
    expect(offered).toEqual(view.overrideOutcomes);
    expect(view.closedOverrides['launch-replacement']).toMatch(/is the recommendation: confirm it instead/);
  });

  it('a chosen outcome that becomes the recommendation is not swapped for another: the list is left unchosen, says why, and nothing is sent', () => {
    const onDecide = vi.fn();
    const panel = (open: readonly DecidableOutcome[], closed: Partial<Record<DecidableOutcome, string>>) => (
      <DecisionPanel
        {...panelDefaults}
        recommendation={recommend(situation())}
        onDecide={onDecide}
        overrideOutcomes={open}
        closedOverrides={closed}
      />
    );
    const { rerender } = render(panel(decidableOutcomes, {}));
    const list = screen.getByLabelText('Override to') as HTMLSelectElement;
    fireEvent.change(list, { target: { value: 'emergency-return' } });
    fireEvent.change(screen.getByLabelText('Rationale'), { target: { value: 'waiver' } });
    const reason = 'emergency-return is the recommendation: confirm it instead (an override decides another outcome)';
    rerender(
      panel(
        decidableOutcomes.filter((o) => o !== 'emergency-return'),
        { 'emergency-return': reason },
      ),
    );
    expect(list.value).toBe('');
    expect(screen.getByRole('alert').textContent).toBe(
      `Your choice, Emergency return, is no longer open to an override: ${reason}. Choose again, or confirm.`,
    );
    expect(list.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    fireEvent.click(screen.getByRole('button', { name: 'Override' }));
    expect(onDecide).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(list);
    expect((screen.getByLabelText('Rationale') as HTMLTextAreaElement).value).toBe('waiver');
    // Nothing open to an override (a poll is open), or an earlier step under review: the form is closed, not the choice.
    rerender(panel([], { 'emergency-return': reason }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(list.getAttribute('aria-describedby')).toBeNull();
    rerender(panel(decidableOutcomes, {}));
    expect(list.value).toBe('emergency-return');
    rerender(
      panel(
        decidableOutcomes.filter((o) => o !== 'emergency-return'),
        { 'emergency-return': reason },
      ),
    );
    fireEvent.change(list, { target: { value: 'launch-replacement' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Override' }));
    expect(onDecide).toHaveBeenCalledWith({ type: 'decision.override', outcome: 'launch-replacement', rationale: 'waiver' });
  });

  it('a plan that leaves a crew without a lifeboat: the confirmation carries the acceptance and why, as the operator gave them', () => {
    const onDecide = vi.fn();
    const recommendation = {
      ...recommend(situation()),
      crewSwap: {
        homeVehicleId: 'dragon',
        waiting: ['Ana', 'Ben'],
        waitingCount: 2,
        lifeboatVehicleId: null,
        daysWithoutLifeboat: 15.2,
      },
    };
    render(<DecisionPanel recommendation={recommendation} {...panelDefaults} onDecide={onDecide} />);
    const accept = screen.getByLabelText(/I accept that Ana, Ben wait up to 16 days without a lifeboat/);
    fireEvent.click(screen.getByRole('button', { name: /^Confirm/ }));
    expect(onDecide).toHaveBeenLastCalledWith({ type: 'decision.confirm' });
    fireEvent.click(accept);
    fireEvent.change(screen.getByLabelText('Why it is accepted'), { target: { value: ' a standby ship flies in 9 days ' } });
    fireEvent.click(screen.getByRole('button', { name: /^Confirm/ }));
    expect(onDecide).toHaveBeenLastCalledWith({
      type: 'decision.confirm',
      acceptsPeriodWithoutLifeboat: true,
      rationale: 'a standby ship flies in 9 days',
    });
  });

  it('under review, disables confirm and override and says why', () => {
    const onDecide = vi.fn();
    render(
      <DecisionPanel
        {...panelDefaults}
        recommendation={recommend(situation())}
        readOnly="you are viewing step 3; changes are recorded at the latest step reached (17)"
        onDecide={onDecide}
      />,
    );
    expect(screen.getByRole('button', { name: /^Confirm/ })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Override' }).closest('fieldset')?.disabled).toBe(true);
    expect(screen.getByText(/Not available: you are viewing step 3/)).toBeTruthy();
  });

  it('offers no confirmation when the machine would refuse one, and says why', () => {
    const thresholds = { ...defaultThresholdValues, 'maxDescentCabinTempC.emergency': 38 };
    const undecided = recommend({ ...situation(), nowUtc: dayAfterLaunchUtc(190), thresholds });
    expect(undecided.outcome).toBe('undecided');
    render(
      <DecisionPanel
        {...panelDefaults}
        recommendation={undecided}
        confirmRefusal="no option meets the limits (undecided): there is nothing to confirm; override with a rationale"
        onDecide={vi.fn()}
      />,
    );
    expect((screen.getByRole('button', { name: /Confirm/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/nothing to confirm; override with a rationale/)).toBeTruthy();
  });
});

describe('PollPanel', () => {
  it('proposes the recommendation as it stands, until the operator chooses another outcome', () => {
    const onOpen = vi.fn();
    const panel = (proposed: DecidableOutcome) => (
      <PollPanel
        polls={[]}
        defaultPositions={['thermal']}
        proposed={proposed}
        disabledBecause={null}
        onDispose={vi.fn()}
        onOpen={onOpen}
        onVote={vi.fn()}
        unlock={async () => null}
      />
    );
    const { rerender } = render(panel('launch-replacement'));
    const list = screen.getByLabelText('Poll on') as HTMLSelectElement;
    expect(list.value).toBe('launch-replacement');
    rerender(panel('emergency-return'));
    expect(list.value).toBe('emergency-return');
    fireEvent.change(list, { target: { value: 'return-reduced-crew' } });
    rerender(panel('launch-replacement'));
    expect(list.value).toBe('return-reduced-crew');
    fireEvent.click(screen.getByRole('button', { name: 'Open poll' }));
    expect(onOpen).toHaveBeenCalledWith({ type: 'poll.open', outcome: 'return-reduced-crew', positions: ['thermal'] });
  });

  it('opens a poll on the positions ticked and added; a vote is signed as the position’s own operator, a formal dissent needs a rationale', async () => {
    const onOpen = vi.fn();
    const props = {
      defaultPositions: ['thermal', 'propulsion'],
      proposed: 'launch-replacement',
      disabledBecause: null,
      onDispose: vi.fn(),
    } as const;
    render(<PollPanel polls={[]} {...props} onOpen={onOpen} onVote={vi.fn()} unlock={async () => null} />);
    fireEvent.click(screen.getByLabelText('propulsion'));
    fireEvent.change(screen.getByLabelText('Add a position'), { target: { value: ' thermal ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert').textContent).toBe('thermal is already in the list.');
    fireEvent.change(screen.getByLabelText('Add a position'), { target: { value: 'crew surgeon' } });
    fireEvent.keyDown(screen.getByLabelText('Add a position'), { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Open poll' }));
    expect(onOpen).toHaveBeenCalledWith({
      type: 'poll.open',
      outcome: 'launch-replacement',
      positions: ['thermal', 'crew surgeon'],
    });
    cleanup();

    // The panel reads the poll as the record holds it, from a real session.
    const director = { name: 'Ana Flight', role: 'flight director' };
    const at17 = moveTo(openWalkthrough(loadBuiltInScenario('soyuz-ms-22.json'), await defaultProfile(), 'now'), 17, 'now');
    const opened = recordEvent(at17, onOpen.mock.calls[0]?.[0], director, 'now');
    if (!opened.ok) throw new Error(opened.reason);
    const onVote = vi.fn();
    // Only Tess's own passphrase unlocks Tess's key.
    const unlock = vi.fn(async (voter: { name: string }, passphrase: string) =>
      voter.name === 'Tess' && passphrase === 'tess passphrase' ? null : 'This passphrase opens no key of Tess (thermal).',
    );
    render(
      <PollPanel
        polls={viewWalkthrough(opened.walkthrough).record.polls}
        {...props}
        onOpen={vi.fn()}
        onVote={onVote}
        unlock={unlock}
      />,
    );
    expect(screen.getByRole('table').textContent).toContain('thermalwaiting for an answer');
    const sign = screen.getByRole('button', { name: 'Sign and record the thermal call' });
    const alertSays = (text: string) => waitFor(() => expect(screen.getByRole('alert').textContent).toBe(text));
    fireEvent.click(sign);
    await alertSays('Name the thermal operator: the call is signed with their key.');
    fireEvent.change(screen.getByLabelText('Name of the thermal operator'), { target: { value: 'Tess' } });
    fireEvent.click(sign);
    await alertSays("The thermal operator's passphrase: it alone unlocks their key.");
    fireEvent.change(screen.getByLabelText('Passphrase of the thermal operator'), { target: { value: 'tess passphrase' } });
    fireEvent.click(screen.getByLabelText('NO-GO, FORMAL DISSENT: escalate'));
    fireEvent.click(sign);
    await alertSays('Not recorded: a formal dissent needs a rationale (it is escalated).');
    fireEvent.change(screen.getByLabelText(/^Rationale/), { target: { value: 'humidity not assessed' } });
    fireEvent.change(screen.getByLabelText('Passphrase of the thermal operator'), { target: { value: 'a guess at it' } });
    fireEvent.click(sign);
    await alertSays('This passphrase opens no key of Tess (thermal).');
    expect(onVote).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Passphrase of the thermal operator'), { target: { value: 'tess passphrase' } });
    fireEvent.click(sign);
    await waitFor(() => expect(onVote).toHaveBeenCalled());
    expect(onVote).toHaveBeenCalledWith(
      { type: 'poll.vote', position: 'thermal', vote: 'no-go', dissent: 'formal', rationale: 'humidity not assessed' },
      { name: 'Tess', role: 'thermal' },
    );
  });
});

describe('PolicyTable', () => {
  it('marks the rows above the deciding one, the deciding one, and what the rows below would say if reached', () => {
    const s = situation();
    render(<PolicyTable policyRows={recommend(s).rows} recommendation={recommend(s)} />);
    const rows = screen.getAllByRole('row').slice(1);
    const cells = rows.map((row) => [...row.querySelectorAll('td')].slice(2, 4).map((td) => td.textContent));
    expect(cells).toEqual([
      ['✘ not matched', ''],
      ['✘ not matched', ''],
      ['✘ not matched', ''],
      ['✔ matched', ''],
      ['not reached', 'would not match'],
      ['not reached', 'would not match'],
      ['not reached', 'would match'],
      ['not reached', 'would match'],
    ]);
    expect(rows[3]?.className).toBe('matched');
  });
});

describe('FlipTable', () => {
  it('has one row per threshold the rules read, with the nearest flip each way and the rules that read it', () => {
    const s = situation();
    const recommendation = recommend(s);
    render(
      <FlipTable
        policyRows={recommend(s).rows}
        thresholds={s.thresholds}
        flipPoints={flipPoints(s, recommendation)}
        inputFlipPoints={inputFlipPoints(s, recommendation)}
        temperatureUnit="°F"
      />,
    );
    const row = (key: string) => document.querySelector(`tr[data-threshold="${key}"]`)?.textContent ?? '';
    expect(row('maxDescentCabinTempC.emergency')).toContain('104 °F'); // 40 °C now
    expect(row('maxDescentCabinTempC.emergency')).toContain('< 102.2 °F → Undecided');
    expect(row('maxDescentCabinTempC.emergency')).toContain('thermal.peak-cabin-temp');
    const keys = [...document.querySelectorAll('tr[data-threshold]')].map((tr) => tr.getAttribute('data-threshold'));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('maxCertifiedLifeUsedPct.nominal');
    expect(keys).toContain('maxImprovisedSeatsPerVehicle');
    expect(row('maxImprovisedSeatsPerVehicle')).toContain('≤ 0 → Undecided');
    // Assessed values too, nearest first, in the unit shown.
    const inputs = [...document.querySelectorAll('.input-flips li')].map((li) => li.textContent);
    expect(inputs[0]).toBe(
      'If the high estimate of Predicted peak descent cabin temperature (2 crew) were > 104 °F (now 102.2 °F), the recommendation would become “Undecided: escalate”',
    );
  });
});

describe('Timeline', () => {
  it('marks applied, not applied and upcoming steps and jumps on click', () => {
    const scenario = loadBuiltInScenario('nominal-mission.json');
    const onJump = vi.fn();
    render(<Timeline scenario={scenario} cursor={2} appliedByStep={[true, false, undefined]} onJump={onJump} />);
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.timeline-status')?.textContent)).toEqual([
      'applied',
      'not applied in this state',
      'upcoming',
    ]);
    expect(items[1]?.getAttribute('aria-current')).toBe('step');
    expect(items[2]?.textContent).toContain('day 170');
    fireEvent.click(within(items[2] as HTMLElement).getAllByRole('button')[0] as HTMLElement);
    expect(onJump).toHaveBeenCalledWith(3);
  });
});
