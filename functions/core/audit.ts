import type { Principal } from './access';

/**
 * One line of the audit trail: who did what to which record, when, and the record
 * before and after. Written in the same transaction as the change it describes, and
 * never edited or deleted.
 */
export interface AuditEntry {
  at: string;
  actor: Principal;
  /** e.g. `izin.catat`, `izin.tarik`, `seragam.tandai`, `kesiapan.mulai`, `roster.ubah`. */
  action: string;
  /** The OPD the change concerns, so a head's and an OPD's history can be filtered. */
  opd?: string;
  /** What was changed, e.g. `izin:2026-12-01_1985…` or `asn:1985…`. */
  target: string;
  before?: unknown;
  after?: unknown;
}

export function auditEntry(actor: Principal, now: Date, change: Omit<AuditEntry, 'at' | 'actor'>): AuditEntry {
  return { at: now.toISOString(), actor: { nip: actor.nip, role: actor.role, opd: actor.opd }, ...change };
}
