import type { Scenario } from '../../../scenarios/schema';

/**
 * A draft to open: the one kept, a blank one, a copy of a case, or a file as it is (valid or not: its
 * problems are then shown at their fields); `id` tells one request from the next.
 */
export type EditorRequest =
  | { id: string; start: 'resume' | 'blank' }
  | { id: string; start: 'copy'; from: Scenario }
  | { id: string; start: 'file'; file: Record<string, unknown>; fileName: string };
