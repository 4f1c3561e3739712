export { keepCaseOnServer } from './keepCaseOnServer';
export { TeamCases } from './TeamCases';
export { TeamPanel } from './TeamPanel';
export { TeamSessions } from './TeamSessions';
