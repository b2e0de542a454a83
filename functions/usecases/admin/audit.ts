import type { AuditFilter, AuditRecord } from '../../store/audit-store';
import { listAudit } from '../../store/audit-store';

/** The audit trail of one month, newest first, filtered by OPD, actor or action. */
export async function auditOfMonth(filter: AuditFilter): Promise<{ bulan: string; audit: AuditRecord[] }> {
  return { bulan: filter.month, audit: await listAudit(filter) };
}
