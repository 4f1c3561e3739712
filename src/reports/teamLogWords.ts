/** What a packet's team log established, in the words the verdict line and the CLI use. */
import type { TeamLogFindings } from '../record/verdict';

export function teamLogLine({ appended, checkpointSize, serverFingerprint, countersigned }: TeamLogFindings): string {
  return `team log: ${appended} entries appended on the team server ${serverFingerprint}; its signed checkpoint of ${checkpointSize} entries holds over them; ${countersigned} appends countersigned the checkpoint they were made on`;
}
