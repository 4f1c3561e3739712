// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioSourcesProvider } from '../../src/ui/shared/ScenarioSources';
import { SourceRef } from '../../src/ui/shared/SourceRef';

afterEach(cleanup);

const sources = {
  'TASS-0111': 'tass.com/science/1561113',
  'EVIL-1': '<img src=x onerror=alert(1)> javascript:alert(1)',
  'JS-1': 'javascript:alert(1)',
};

const renderKey = (sourceKey: string) =>
  render(
    <ScenarioSourcesProvider sources={sources}>
      <SourceRef sourceKey={sourceKey} />
    </ScenarioSourcesProvider>,
  );

describe('SourceRef', () => {
  it('reveals a domain citation as a link that opens in a new tab, and Escape closes it', () => {
    renderKey('TASS-0111');
    const key = screen.getByRole('button', { name: 'TASS-0111' });
    expect(key.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(key);
    expect(key.getAttribute('aria-expanded')).toBe('true');
    const link = screen.getByRole('link', { name: /tass\.com\/science\/1561113/ });
    expect(link.getAttribute('href')).toBe('https://tass.com/science/1561113');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    fireEvent.keyDown(link, { key: 'Escape' });
    expect(key.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('shows markup and script addresses in a citation as text, never as HTML or a link', () => {
    renderKey('EVIL-1');
    fireEvent.click(screen.getByRole('button', { name: 'EVIL-1' }));
    expect(screen.getByText(sources['EVIL-1'])).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    cleanup();
    renderKey('JS-1');
    fireEvent.click(screen.getByRole('button', { name: 'JS-1' }));
    expect(screen.getByText('javascript:alert(1)')).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('says when a key has no citation, and when FACTS.md cites it instead', () => {
    renderKey('NOWHERE-1');
    fireEvent.click(screen.getByRole('button', { name: 'NOWHERE-1' }));
    expect(screen.getByText('no citation recorded for NOWHERE-1')).toBeTruthy();
    cleanup();
    renderKey('WP-SMS');
    fireEvent.click(screen.getByRole('button', { name: 'WP-SMS' }));
    expect(screen.getByText(/WP-SMS: cited in FACTS\.md/)).toBeTruthy();
  });

  it('shows "assumed" as a word, not a key to open', () => {
    renderKey('assumed');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('assumed')).toBeTruthy();
  });
});
