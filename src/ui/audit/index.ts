export { AuditView } from './AuditView';
export type { ImportedPacket } from './importPacket';
