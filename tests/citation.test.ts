import { describe, expect, it } from 'vitest';
import { citationLink, factsKeys, isSourceKey, lookUpCitation } from '../src/ui/shared/citation';
import { loadBuiltInScenario } from './support';

const ms22 = loadBuiltInScenario('soyuz-ms-22.json');

describe('looking up a source key', () => {
  it("finds the open scenario's citation first", () => {
    expect(lookUpCitation('TASS-0111', ms22.sources)).toEqual({ kind: 'scenario', citation: 'tass.com/science/1561113' });
  });

  it('falls back to FACTS.md for keys the vehicle catalogue, thresholds or rules cite, and says when there is none', () => {
    expect(factsKeys.has('WP-SMS')).toBe(true);
    expect(factsKeys.has('GH-ACC')).toBe(true);
    expect(lookUpCitation('WP-SMS', ms22.sources)).toEqual({ kind: 'facts' });
    expect(lookUpCitation('NOWHERE-1', ms22.sources)).toEqual({ kind: 'none' });
    expect(lookUpCitation('toString', ms22.sources)).toEqual({ kind: 'none' });
  });

  it('treats "assumed", "derived" and "not found" as words, not keys', () => {
    expect(['assumed', 'derived', 'not found', 'TLP'].map(isSourceKey)).toEqual([false, false, false, true]);
    expect(factsKeys.has('assumed')).toBe(false);
  });
});

describe('the link a citation starts with', () => {
  it.each([
    ['https://www.nasa.gov/reference/x', 'https://www.nasa.gov/reference/x', 'https://www.nasa.gov/reference/x', ''],
    ['tass.com/science/1561113', 'https://tass.com/science/1561113', 'tass.com/science/1561113', ''],
    ['spaceref.com/?p=205228', 'https://spaceref.com/?p=205228', 'spaceref.com/?p=205228', ''],
    [
      'tlpnetwork.com, "Crew rescue mission confirmed"',
      'https://tlpnetwork.com/',
      'tlpnetwork.com',
      ', "Crew rescue mission confirmed"',
    ],
    ['asc-csa.gc.ca Expedition 58 return', 'https://asc-csa.gc.ca/', 'asc-csa.gc.ca', ' Expedition 58 return'],
  ])('%s links to %s', (citation, href, linked, rest) => {
    expect(citationLink(citation)).toEqual({ href, linked, rest });
  });

  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript://tass.com/%0Aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://files.example.com/report.pdf',
    'Wikipedia "Soyuz MS-23"',
    'I. Lissov, FPSPACE list (Apr 2008)',
    'NASA-STD-3001 Vol. 2 Fig. 6.2-2',
    "nasa.gov's release",
    '<a href="https://evil.example">x</a>',
  ])('%s is no link', (citation) => {
    expect(citationLink(citation)).toBeNull();
  });
});
