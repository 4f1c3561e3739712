/** What a verification established about authorship, in the words every report and the CLI use. */
import type { SignatureFindings } from '../record/verdict';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One line per fact: what was signed, by whom, the authority, the sealer, and what was not checked. */
export function signatureStatusLines(findings: SignatureFindings, signers: string): string[] {
  const lines = [
    `signatures: ${count(findings.signedEntries, 'entry', 'entries')} signed, ${findings.sealed ? 'sealed' : 'not sealed'}${signers ? `, by ${signers}` : ''}`,
  ];
  if (findings.authority) lines.push(`decision authority: ${findings.authority.name} (${findings.authority.role})`);
  if (findings.sealedBy) lines.push(`sealed by: ${findings.sealedBy.name} (${findings.sealedBy.role})`);
  for (const note of findings.notes) lines.push(`note: ${note}`);
  lines.push(
    findings.trustChecked
      ? 'authorship: every signature checked against the trusted keys and the roles they are trusted for'
      : `authorship NOT checked (no trusted keys, --trust): hash chain and replay checked; ${count(findings.unsignedEntries, 'operator entry is', 'operator entries are')} unsigned, and anyone can re-hash an unsigned chain or sign with a key of their own`,
  );
  return lines;
}

export const unsignedFindings = (): SignatureFindings => ({
  signers: [],
  signedEntries: 0,
  unsignedEntries: 0,
  sealed: false,
  trustChecked: false,
  authority: null,
  notes: [],
});
