import type { Role } from '../../../../../contract';
import { formatPhone } from '../../../../../functions/core/phone';

export const PERAN: Record<Role, string> = { asn: 'ASN', pimpinan: 'Pimpinan OPD', admin: 'Admin' };

export const KOLOM: Record<string, string> = {
  nama: 'nama',
  jabatan: 'jabatan',
  opd: 'OPD',
  status: 'status',
  noHp: 'nomor HP',
  peran: 'peran',
  aktif: 'aktif',
  kecamatan: 'kecamatan',
};

/** A stored phone (`6281234567890`) as the console shows it everywhere: `+62 812-3456-7890` (core/phone.ts), or `—`. */
export function formatHp(noHp: string): string {
  return noHp ? formatPhone(noHp) : '—';
}
