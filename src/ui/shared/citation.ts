import { allRules, descentCabinModels, estimatedSource, thresholdDefinitions, vehicleCatalogue } from '../../session/model';

/** What a source key leads to: the scenario's citation, the project's facts file, or nothing. */
export type CitationLookup = { kind: 'scenario'; citation: string } | { kind: 'facts' } | { kind: 'none' };

/** Words that stand where a source key would, but name no source. */
const notKeys = new Set(['assumed', 'derived', 'not found', estimatedSource]);
export const isSourceKey = (value: string) => !notKeys.has(value);

/** The keys the vehicle catalogue, the thresholds and the flight rules cite: all FACTS.md keys. */
export const factsKeys: ReadonlySet<string> = new Set(
  [
    ...Object.values(vehicleCatalogue).flatMap((c) => [c.life.source, ...Object.values(c.facts).map((f) => f.source)]),
    ...thresholdDefinitions.map((d) => d.source),
    ...allRules.map((r) => r.source),
    ...Object.values(descentCabinModels).flatMap((m) => (m ? Object.values(m.inputs).map((i) => i.source) : [])),
  ].filter(isSourceKey),
);

export function lookUpCitation(
  key: string,
  scenarioSources: Readonly<Record<string, string>>,
  knownFactsKeys: ReadonlySet<string> = factsKeys,
): CitationLookup {
  const citation = Object.hasOwn(scenarioSources, key) ? scenarioSources[key] : undefined;
  if (citation !== undefined) return { kind: 'scenario', citation };
  return knownFactsKeys.has(key) ? { kind: 'facts' } : { kind: 'none' };
}

/** A citation split at the address it starts with: `linked` is shown as a link to `href`, `rest` as text. */
export interface CitationLink {
  href: string;
  linked: string;
  rest: string;
}

const webAddress = /^https?:\/\/\S+$/i;
const domainFirst = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:\/\S*)?$/i;
const trailingPunctuation = /[.,;:!?)\]"'”]+$/;

/**
 * The link a citation starts with, if it starts with a web address (`https://…`) or a domain
 * (`tass.com/science/1561113`, then `https://` is put before it). Citations are untrusted text:
 * nothing but http and https ever becomes a link.
 */
export function citationLink(citation: string): CitationLink | null {
  const text = citation.trimStart();
  const firstWord = text.split(/\s/, 1)[0] ?? '';
  const linked = firstWord.replace(trailingPunctuation, '');
  const address = webAddress.test(linked) ? linked : domainFirst.test(linked) ? `https://${linked}` : null;
  if (!address) return null;
  try {
    const url = new URL(address);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return { href: url.href, linked, rest: text.slice(linked.length) };
  } catch {
    return null;
  }
}
