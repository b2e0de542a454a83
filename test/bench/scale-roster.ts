import type { Asn } from '../../functions/core/roster';

/**
 * A regency's worth of staff, shared by `test/integration/admin-scale.test.ts` (what the
 * admin console answers at this size) and `npm run bench:admin` (how long it takes).
 */

export const ROWS = 5000;

/** The admin who runs the console in both. */
export const SCALE_ADMIN: Asn = {
  nip: '196501011990011001',
  nama: 'Admin BKPSDM',
  jabatan: 'Analis SDM',
  opd: 'setda',
  status: 'PNS',
  noHp: '',
  role: 'admin',
  active: true,
};

/** Plausible, distinct NIPs: birth 1970–1999, appointed at 25, gender 1/2, sequence 001–999. */
export function nipOf(i: number): string {
  const year = 1970 + (i % 30);
  const month = String(1 + (Math.floor(i / 30) % 12)).padStart(2, '0');
  const day = String(1 + (Math.floor(i / 360) % 28)).padStart(2, '0');
  const seq = String(1 + Math.floor(i / 10080)).padStart(3, '0');
  return `${year}${month}${day}${year + 25}${month}${1 + (i % 2)}${seq}`;
}

/** HR's export of `rows` ASN spread over `opds`, as a spreadsheet saves it (BOM, `;`, CRLF). */
export function rosterCsv(rows: number, opds: readonly string[]): string {
  const lines = ['nip;nama;jabatan;opd;status;no_hp;peran'];
  for (let i = 0; i < rows; i++) {
    const opd = opds[i % opds.length]!;
    lines.push(`${nipOf(i)};Pegawai Nomor ${i + 1}, S.Sos;Pelaksana;${opd};${i % 7 === 0 ? 'PPPK' : 'PNS'};0812${String(1000000 + i)};asn`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The same staff as `rosterCsv` as roster records, for a test that needs them in place, not imported. */
export function rosterAsns(rows: number, opds: readonly string[]): Asn[] {
  return Array.from({ length: rows }, (_, i) => ({
    nip: nipOf(i),
    nama: `Pegawai Nomor ${i + 1}, S.Sos`,
    jabatan: 'Pelaksana',
    opd: opds[i % opds.length]!,
    status: i % 7 === 0 ? 'PPPK' : 'PNS',
    noHp: '',
    role: 'asn',
    active: true,
  }));
}
