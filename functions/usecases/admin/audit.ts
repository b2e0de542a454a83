import type { AuditFilter, AuditRecord } from '../../store/audit-store';
import { listAudit } from '../../store/audit-store';
import { getAsn } from '../../store/roster-store';

/** At most this many names are looked up for one month's page (one read each). */
const MAX_NAMES = 200;

/**
 * The audit trail of one month, newest first, filtered by OPD, actor or action, with the
 * names of the people it names (actors, and the NIP in a record like `asn:…` or
 * `checkin:…:…`), so an auditor reads names beside NIPs.
 */
export async function auditOfMonth(filter: AuditFilter): Promise<{ bulan: string; audit: AuditRecord[]; nama: Record<string, string> }> {
  const audit = await listAudit(filter);
  const nips = new Set<string>();
  for (const e of audit) {
    if (/^\d{18}$/.test(e.actor.nip)) nips.add(e.actor.nip);
    for (const m of e.target.matchAll(/(?<!\d)\d{18}(?!\d)/g)) nips.add(m[0]);
  }
  const found = await Promise.all([...nips].slice(0, MAX_NAMES).map(getAsn));
  const nama = Object.fromEntries(found.flatMap((a) => (a ? [[a.nip, a.nama]] : [])));
  return { bulan: filter.month, audit, nama };
}
