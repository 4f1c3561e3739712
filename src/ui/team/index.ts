export { TeamPanel } from './TeamPanel';
export { TeamSessions } from './TeamSessions';
