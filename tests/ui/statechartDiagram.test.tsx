// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultProfile } from '../../src/session/profile';
import { moveTo, openWalkthrough } from '../../src/session/walkthrough';
import { viewWalkthrough } from '../../src/session/walkthroughView';
import { StatechartDiagram } from '../../src/ui/walkthrough/StatechartDiagram';
import { loadBuiltInScenario } from '../support';

afterEach(cleanup);

async function atDecision() {
  const scenario = loadBuiltInScenario('soyuz-ms-22.json');
  const walkthrough = openWalkthrough(scenario, await defaultProfile(), '2026-11-25T00:00:00Z');
  return viewWalkthrough(moveTo(walkthrough, 17, '2026-11-25T00:01:00Z')).snapshot;
}

describe('StatechartDiagram', () => {
  it('says it is laying out, then lets each available transition be taken by click, Enter or Space', async () => {
    const onTake = vi.fn();
    render(<StatechartDiagram snapshot={await atDecision()} onTake={onTake} />);
    expect(screen.getByRole('status').textContent).toBe('Laying out the diagram…');
    const confirm = await screen.findByRole(
      'button',
      { name: /^Take decision\.confirm .*replacementCampaign/ },
      { timeout: 10_000 },
    );
    expect(screen.queryByRole('button', { name: /^Take decision\.confirm .*returnOnDamagedVehicle/ })).toBeNull();
    expect(confirm.getAttribute('tabindex')).toBe('0');
    fireEvent.click(confirm);
    fireEvent.keyDown(confirm, { key: 'Enter' });
    fireEvent.keyDown(confirm, { key: ' ' });
    fireEvent.keyDown(confirm, { key: 'a' });
    expect(onTake.mock.calls).toEqual([['decision.confirm'], ['decision.confirm'], ['decision.confirm']]);
  });

  it('has nothing to click without onTake', async () => {
    const { container } = render(<StatechartDiagram snapshot={await atDecision()} />);
    await vi.waitFor(() => expect(container.querySelector('svg.chart-svg')).not.toBeNull(), { timeout: 10_000 });
    expect(container.querySelectorAll('svg [role="button"], svg [tabindex]')).toHaveLength(0);
    expect(container.querySelector('[data-state-id="crewReturn.anomaly.decision"]')?.getAttribute('data-active')).toBe('true');
  });
});
