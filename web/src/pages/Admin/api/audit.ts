import type { AuditEntry } from './types';
import { get, query } from './client';

export interface AuditFilter {
  bulan: string;
  opd?: string;
  aktor?: string;
  aksi?: string;
}

export const listAudit = (token: string, f: AuditFilter) =>
  get<{ bulan: string; audit: AuditEntry[] }>(token, `/audit${query({ ...f })}`).then((r) => r.audit);
