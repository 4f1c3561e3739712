import type { Scenario } from '../../../scenarios/schema';

/** A draft to open: the one kept, a blank one, or a copy of a case; `id` tells one request from the next. */
export type EditorRequest = { id: string; start: 'resume' | 'blank' } | { id: string; start: 'copy'; from: Scenario };
