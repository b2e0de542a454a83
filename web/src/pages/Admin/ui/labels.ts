import type { Role } from '../../../../../contract';

export const PERAN: Record<Role, string> = { asn: 'ASN', pimpinan: 'Pimpinan OPD', admin: 'Admin' };

export const KOLOM: Record<string, string> = {
  nama: 'nama',
  jabatan: 'jabatan',
  opd: 'OPD',
  status: 'status',
  noHp: 'nomor HP',
  peran: 'peran',
  aktif: 'aktif',
};

/** `628123456789` → `0812-3456-789` is how people read it; keep it simple: `+62 812 3456 789`. */
export function formatHp(noHp: string): string {
  if (!noHp) return '—';
  return noHp.replace(/^62(\d{3})(\d{4})(\d+)$/, '+62 $1 $2 $3');
}
