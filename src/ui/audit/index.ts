export { AuditView, type ImportedPacket } from './AuditView';
