/**
 * For the scenario editor's "Keep on the team server" (wired by whoever integrates the editor: the
 * editor loads this module lazily, as the library does).
 * @public
 */
export { keepCaseOnServer } from './keepCaseOnServer';
export { TeamCases } from './TeamCases';
export { TeamPanel } from './TeamPanel';
export { TeamSessions } from './TeamSessions';
