import { Forbidden } from './errors';
import type { Role } from './roster';

/**
 * Who may see and change what. Every link carries a role: `asn` sees only their own
 * page, `pimpinan` also their own OPD (an OPD may have several), `admin` the whole
 * regency. The handlers call these checks on every request; the UI hiding a button
 * is not security.
 */

export interface Principal {
  nip: string;
  role: Role;
  opd: string;
}

export function mayManageOpd(who: Principal, opd: string): boolean {
  return who.role === 'admin' || (who.role === 'pimpinan' && who.opd === opd);
}

export function requireOpdScope(who: Principal, opd: string): void {
  if (mayManageOpd(who, opd)) return;
  throw who.role === 'pimpinan'
    ? new Forbidden('BUKAN_OPD_ANDA', 'Anda hanya dapat melihat dan mengubah data OPD Anda sendiri.')
    : new Forbidden('KHUSUS_PIMPINAN', 'Halaman ini hanya untuk pimpinan OPD dan admin.');
}

export function requireAdmin(who: Principal): void {
  if (who.role !== 'admin') throw new Forbidden('KHUSUS_ADMIN', 'Halaman ini hanya untuk admin kepegawaian.');
}
