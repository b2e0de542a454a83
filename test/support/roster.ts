import type { Asn, Opd } from '../../functions/core/roster';

/** A small roster taken from the demo data: two WFA-eligible OPDs and one exempt. */
export const OPDS: Opd[] = [
  { kode: 'setda', nama: 'Sekretariat Daerah', wfa: true },
  { kode: 'diskominfo', nama: 'Dinas Komunikasi, Informatika, Statistik dan Persandian', wfa: true },
  { kode: 'dinkes', nama: 'Dinas Kesehatan', wfa: false },
];

const asn = (nip: string, nama: string, opd: string, role: Asn['role'] = 'asn'): Asn => ({
  nip,
  nama,
  jabatan: 'Pelaksana',
  opd,
  status: 'PNS',
  noHp: '6281234567890',
  role,
  active: true,
});

export const ASNS: Asn[] = [
  asn('199004152025012011', 'Fatimah Tuliabu', 'setda', 'pimpinan'),
  asn('197702112007041002', 'Hendra Sofyan Gonibala', 'setda'),
  asn('197509282009031007', 'Sofyan Bonde, S.Pd', 'setda'),
  asn('196610171993121005', 'Zulkifli Olii', 'diskominfo'),
  asn('198206052007082006', 'Fatimah Sartika Ali', 'dinkes'),
];

export async function seedRoster(): Promise<Map<string, string>> {
  const { importOpds, importAsns } = await import('../../functions/store/roster-store');
  const { issueLink } = await import('../../functions/store/link-store');
  await importOpds(OPDS);
  await importAsns(ASNS);
  const tokens = new Map<string, string>();
  for (const a of ASNS) tokens.set(a.nip, await issueLink(a));
  return tokens;
}
