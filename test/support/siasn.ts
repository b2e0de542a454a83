import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { fullName } from '../../functions/core/roster-file';

/**
 * SIASN "Export Data ASN" files generated from the demo roster, with the quirks of real
 * exports: 64 columns in BKN's order, NIP BARU with a leading apostrophe, dates as Excel
 * serial numbers, titles apart from the name, names in capitals, the OPD only as a unit
 * name in capitals (UNOR NAMA a sub-unit), retired and dead ASN still listed.
 */

export const SIASN_COLUMNS = [
  'PNS ID', 'NIP BARU', 'NIP LAMA', 'NAMA', 'GELAR DEPAN', 'GELAR BELAKANG', 'TEMPAT LAHIR ID', 'TEMPAT LAHIR NAMA', 'TANGGAL LAHIR',
  'JENIS KELAMIN', 'AGAMA ID', 'AGAMA NAMA', 'JENIS KAWIN ID', 'JENIS KAWIN NAMA', 'NIK', 'NOMOR HP', 'EMAIL', 'EMAIL GOV', 'ALAMAT',
  'NPWP NOMOR', 'BPJS', 'JENIS PEGAWAI ID', 'JENIS PEGAWAI NAMA', 'KEDUDUKAN HUKUM ID', 'KEDUDUKAN HUKUM NAMA', 'STATUS CPNS PNS',
  'KARTU ASN VIRTUAL', 'NOMOR SK CPNS', 'TANGGAL SK CPNS', 'TMT CPNS', 'NOMOR SK PNS', 'TANGGAL SK PNS', 'TMT PNS', 'GOL AWAL ID',
  'GOL AWAL NAMA', 'GOL AKHIR ID', 'GOL AKHIR NAMA', 'TMT GOLONGAN', 'MK TAHUN', 'MK BULAN', 'JENIS JABATAN ID', 'JENIS JABATAN NAMA',
  'JABATAN ID', 'JABATAN NAMA', 'TMT JABATAN', 'TINGKAT PENDIDIKAN ID', 'TINGKAT PENDIDIKAN NAMA', 'PENDIDIKAN ID', 'PENDIDIKAN NAMA',
  'TAHUN LULUS', 'KPKN ID', 'KPKN NAMA', 'LOKASI KERJA ID', 'LOKASI KERJA NAMA', 'UNOR ID', 'UNOR NAMA', 'INSTANSI INDUK ID',
  'INSTANSI INDUK NAMA', 'INSTANSI KERJA ID', 'INSTANSI KERJA NAMA', 'SATUAN KERJA INDUK ID', 'SATUAN KERJA INDUK NAMA',
  'SATUAN KERJA KERJA ID', 'SATUAN KERJA KERJA NAMA',
] as const;

export interface DemoAsn {
  nip: string;
  nama: string;
  jabatan: string;
  opd: string;
  status: string;
  no_hp: string;
  peran: string;
}

export interface SiasnPerson {
  nip: string;
  nama: string;
  jabatan: string;
  status: string;
  noHp: string;
  /** SATUAN KERJA KERJA NAMA: the OPD as SIASN names it. */
  satker: string;
  /** UNOR NAMA: often a sub-unit. */
  unor?: string;
  kedudukan?: string;
}

const root = new URL('../../', import.meta.url);
export const demoAsn = (): DemoAsn[] => parse(readFileSync(new URL('demo-data/asn.csv', root), 'utf8'), { columns: true }) as DemoAsn[];
export const demoOpdNames = (): Map<string, string> =>
  new Map((parse(readFileSync(new URL('demo-data/opd.csv', root), 'utf8'), { columns: true }) as { kode: string; nama: string }[]).map((o) => [o.kode, o.nama]));

const FRONT = /^((?:(?:dr|Dr|Dra|Drs|Ir|H|Hj|Prof)\.\s)+)/;

/** "dr. Irfan Kamaru, S.Kep., Ns" → ["dr.", "Irfan Kamaru", "S.Kep., Ns"], as SIASN keeps them. */
export function splitTitles(name: string): [string, string, string] {
  const front = FRONT.exec(name)?.[1] ?? '';
  const rest = name.slice(front.length);
  const comma = rest.indexOf(', ');
  const [nama, back] = comma < 0 ? [rest, ''] : [rest.slice(0, comma), rest.slice(comma + 2)];
  const parts: [string, string, string] = [front.trim(), nama, back];
  if (fullName(...parts) !== name) throw new Error(`titles of "${name}" do not split losslessly`);
  return parts;
}

/** Excel's serial day number of an ISO date (1900 date system). */
export function excelSerial(iso: string): number {
  return Math.round((Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** One person's 64 cells; `i` varies the quirks (apostrophe NIP, capitals). */
export function siasnCells(p: SiasnPerson, i: number): string[] {
  const [depan, nama, belakang] = splitTitles(p.nama);
  const birth = `${p.nip.slice(0, 4)}-${p.nip.slice(4, 6)}-${p.nip.slice(6, 8)}`;
  const cells: Record<string, string> = {
    'PNS ID': `A8ACA7${p.nip.slice(-10)}`,
    'NIP BARU': i % 3 === 0 ? `'${p.nip}` : p.nip,
    NAMA: i % 2 === 0 ? nama.toUpperCase() : nama,
    'GELAR DEPAN': depan,
    'GELAR BELAKANG': belakang,
    'TEMPAT LAHIR NAMA': 'BOLAANG UKI',
    'TANGGAL LAHIR': String(excelSerial(birth)),
    'JENIS KELAMIN': p.nip.charAt(14) === '1' ? 'M' : 'F',
    'NOMOR HP': p.noHp,
    'JENIS PEGAWAI ID': p.status === 'PPPK' ? '71' : '4',
    'JENIS PEGAWAI NAMA': p.status === 'PPPK' ? 'PPPK' : 'PNS DAERAH KAB/KOTA',
    'KEDUDUKAN HUKUM ID': p.kedudukan ? '99' : '01',
    'KEDUDUKAN HUKUM NAMA': p.kedudukan ?? 'Aktif',
    'STATUS CPNS PNS': p.status === 'PPPK' ? '' : 'P',
    'TMT CPNS': String(excelSerial(`${p.nip.slice(8, 12)}-${p.nip.slice(12, 14)}-01`)),
    'GOL AKHIR NAMA': 'III/a',
    'JABATAN NAMA': p.jabatan,
    'UNOR NAMA': p.unor ?? p.satker,
    'INSTANSI INDUK NAMA': 'Pemerintah Kab. Bolaang Mongondow Selatan',
    'INSTANSI KERJA NAMA': 'Pemerintah Kab. Bolaang Mongondow Selatan',
    'SATUAN KERJA INDUK NAMA': p.satker,
    'SATUAN KERJA KERJA NAMA': p.satker,
  };
  return SIASN_COLUMNS.map((c) => cells[c] ?? '');
}

const quote = (cell: string, sep: string) => (cell.includes(sep) || cell.includes('"') || cell.includes('\n') ? `"${cell.replace(/"/g, '""')}"` : cell);

/** A SIASN export as CSV text (`,` or `|`), optionally with a title line above the header. */
export function siasnCsv(people: readonly SiasnPerson[], sep: ',' | '|' | ';' = ',', title?: string): string {
  const lines = [SIASN_COLUMNS.join(sep), ...people.map((p, i) => siasnCells(p, i).map((c) => quote(c, sep)).join(sep))];
  return `${title ? `${title}\r\n` : ''}${lines.join('\r\n')}\r\n`;
}

/** The demo roster row as SIASN lists it: the OPD's name in capitals. */
export function asSiasn(a: DemoAsn, opdNames: ReadonlyMap<string, string>, over: Partial<SiasnPerson> = {}): SiasnPerson {
  return { nip: a.nip, nama: a.nama, jabatan: a.jabatan, status: a.status, noHp: a.no_hp, satker: (opdNames.get(a.opd) ?? a.opd).toUpperCase(), ...over };
}
