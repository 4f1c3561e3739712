// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { crewReturnGraph } from '../../src/session/model';
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
  it('is drawn at its first render, and lets each available transition be taken by click, Enter or Space', async () => {
    const onTake = vi.fn();
    render(<StatechartDiagram snapshot={await atDecision()} onTake={onTake} />);
    // The layout is checked in: nothing is laid out at run time, so there is nothing to wait for.
    expect(screen.queryByRole('status')).toBeNull();
    const confirm = screen.getByRole('button', { name: /^Take decision\.confirm .*replacementCampaign/ });
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
    // Every state of the machine has its box, and every transition its label, from the first render.
    expect(container.querySelectorAll('svg [data-state-id]')).toHaveLength(crewReturnGraph.nodes.length);
    expect(container.querySelectorAll('svg [data-edge-id]')).toHaveLength(crewReturnGraph.edges.length);
    expect(container.querySelectorAll('svg [role="button"], svg [tabindex]')).toHaveLength(0);
    expect(container.querySelector('[data-state-id="crewReturn.anomaly.decision"]')?.getAttribute('data-active')).toBe('true');
  });
});
