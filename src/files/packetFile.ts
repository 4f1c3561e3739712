import { type DecisionPacket, packetSchema } from '../record/packetSchema';
import { issueProblems, type Parsed, parseJsonText, plainSchemaErrors } from '../session/inputProblem';

/** Reads a packet file: malformed JSON or a wrong shape is a problem list, not a verdict. */
export function parsePacket(file: string, text: string): Parsed<DecisionPacket> {
  const json = parseJsonText(file, text);
  if (!json.ok) return json;
  const result = packetSchema.safeParse(json.value, { error: plainSchemaErrors });
  if (!result.success) return { ok: false, problems: issueProblems(file, result.error.issues) };
  // The parsed text itself, not Zod's copy: its key order is the file's, which the fast hashing path
  // needs; the schema has just accepted it as a packet.
  return { ok: true, value: json.value as DecisionPacket };
}
