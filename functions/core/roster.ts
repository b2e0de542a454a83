import { nipProblem } from './nip';
import { normalisePhone } from './phone';
import { cleanText, textProblem } from './text';

/**
 * Roster rules: what makes an OPD or ASN row acceptable. Rows come from CSV files in
 * the fixture format (`opd.csv`: kode,nama,wfa; `asn.csv`:
 * nip,nama,jabatan,opd,status,no_hp,peran[,kecamatan]). Bad rows are reported with their line and
 * reason and skipped; good rows go in.
 */

/** Indonesian mobile numbers are stored in one form, 62…, as WhatsApp links need (core/phone.ts). */
export { normalisePhone };

export const ROLES = ['asn', 'pimpinan', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function parseRole(value: unknown): Role | undefined {
  return (ROLES as readonly unknown[]).includes(value) ? (value as Role) : undefined;
}

export interface Opd {
  kode: string;
  nama: string;
  /** false: a public-service OPD exempt from WFA (works from the office). Before any dated change. */
  wfa: boolean;
  /** Dated changes set by the admin (exempt or eligible from a date); see `wfaOn` in core/opd.ts. */
  wfaSejak?: WfaChange[];
}

export interface WfaChange {
  sejak: string;
  wfa: boolean;
}

export interface Asn {
  nip: string;
  nama: string;
  jabatan: string;
  opd: string;
  status: 'PNS' | 'PPPK';
  noHp: string;
  role: Role;
  active: boolean;
  /**
   * The kecamatan where the ASN lives, and so mostly works from on WFA days (absent: not
   * known). The evaluation splits the network readiness by it (core/evaluation.ts): on a WFA
   * day the phone that checks in is at home, not at the office, whose kecamatan would put
   * most of an OPD's staff in the regency's capital and measure nothing of WFA.
   */
  kecamatan?: string;
}

export interface RowProblem {
  line: number;
  reason: string;
}

export interface Checked<T> {
  valid: T[];
  problems: RowProblem[];
}

export type CsvRow = { line: number; fields: Record<string, string> };

const OPD_CODE = /^[a-z0-9][a-z0-9-]{1,39}$/;

/**
 * The loop every CSV import shares: refuse a row with a hidden character in any column
 * (core/text.ts), read each row into a value or a reason, refuse repeats of the same key
 * (the later line is the one reported), keep the rest. The console's forms go through
 * the same rows, so a name typed there and one imported obey one rule.
 */
export function checkRows<T>(
  rows: readonly CsvRow[],
  read: (row: CsvRow) => T | string,
  keyOf: (value: T) => string,
  repeated: (key: string) => string,
): Checked<T> {
  const valid: T[] = [];
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const value = hiddenCharacter(row) ?? read(row);
    const reason = typeof value === 'string' ? value : seen.has(keyOf(value)) ? repeated(keyOf(value)) : undefined;
    if (reason !== undefined) {
      problems.push({ line: row.line, reason });
      continue;
    }
    seen.add(keyOf(value as T));
    valid.push(value as T);
  }
  return { valid, problems };
}

function hiddenCharacter(row: CsvRow): string | undefined {
  for (const [name, value] of Object.entries(row.fields)) {
    const problem = textProblem(value);
    if (problem) return `${name}: ${problem}`;
  }
  return undefined;
}

/** A column's value on one line: NFC, invisible characters removed, spaces collapsed. */
export function field(row: CsvRow, name: string): string {
  return cleanText(row.fields[name] ?? '', 'line').trim().replace(/\s+/g, ' ');
}

export function isOpdCode(value: string): boolean {
  return OPD_CODE.test(value);
}

export function checkOpdRows(rows: readonly CsvRow[]): Checked<Opd> {
  return checkRows(rows, readOpd, (o) => o.kode, (kode) => `kode OPD ${kode} muncul lebih dari sekali`);
}

function readOpd(row: CsvRow): Opd | string {
  const kode = field(row, 'kode').toLowerCase();
  const nama = field(row, 'nama');
  const wfa = field(row, 'wfa').toLowerCase();
  if (!OPD_CODE.test(kode)) return `kode OPD "${kode}" harus huruf kecil, angka atau tanda minus (2–40 karakter)`;
  if (nama.length < 3 || nama.length > 150) return 'nama OPD harus 3–150 karakter';
  if (wfa !== 'ya' && wfa !== 'tidak') return `kolom wfa harus "ya" atau "tidak" (tertulis "${wfa}")`;
  return { kode, nama, wfa: wfa === 'ya' };
}

export function checkAsnRows(rows: readonly CsvRow[], knownOpd: ReadonlySet<string>, today = new Date()): Checked<Asn> {
  return checkRows(rows, (row) => readAsn(row, knownOpd, today), (a) => a.nip, (nip) => `NIP ${nip} muncul lebih dari sekali`);
}

function readAsn(row: CsvRow, knownOpd: ReadonlySet<string>, today: Date): Asn | string {
  // Spreadsheets force a number to text with a leading apostrophe, and people type NIPs in groups.
  const nip = field(row, 'nip').replace(/\s/g, '').replace(/^['‘’`]/, '');
  const nipReason = nipProblem(nip, today);
  if (nipReason) return nipReason;
  const nama = field(row, 'nama');
  if (nama.length < 2 || nama.length > 120) return 'nama harus 2–120 karakter';
  const jabatan = field(row, 'jabatan');
  if (jabatan.length > 120) return 'jabatan paling banyak 120 karakter';
  const opd = field(row, 'opd').toLowerCase();
  if (!knownOpd.has(opd)) return `OPD "${opd}" tidak dikenal`;
  const status = field(row, 'status').toUpperCase();
  if (status !== 'PNS' && status !== 'PPPK') return `status harus PNS atau PPPK (tertulis "${status}")`;
  const rawPhone = field(row, 'no_hp');
  const noHp = rawPhone === '' ? '' : normalisePhone(rawPhone);
  if (noHp === undefined) return `nomor HP "${rawPhone}" bukan nomor seluler Indonesia`;
  const role = parseRole((field(row, 'peran') || 'asn').toLowerCase());
  if (!role) return `peran harus asn, pimpinan atau admin (tertulis "${field(row, 'peran')}")`;
  const kecamatan = kecamatanName(field(row, 'kecamatan'));
  if (kecamatan.length > MAX_KECAMATAN) return `kecamatan paling banyak ${MAX_KECAMATAN} karakter`;
  return { nip, nama, jabatan, opd, status, noHp, role, active: true, ...(kecamatan ? { kecamatan } : {}) };
}

const MAX_KECAMATAN = 60;

/**
 * A kecamatan as the roster keeps it, whatever the file wrote: `KEC. BOLAANG UKI`,
 * `Kecamatan bolaang  uki` and `Bolaang Uki` are `Bolaang Uki`; "" when empty.
 */
export function kecamatanName(value: string): string {
  const bare = value
    .trim()
    .replace(/^kec(amatan)?\b\.?\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return bare.toLocaleLowerCase('id').replace(/(^|[\s(/-])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toLocaleUpperCase('id'));
}

/**
 * The kecamatan an address names (`…, Kec. Bolaang Uki, Kab. Bolaang Mongondow Selatan`), or
 * "": SIASN's export has no kecamatan column, only ALAMAT, whose text often says it.
 */
export function kecamatanInAddress(alamat: string): string {
  const m = /(?:^|[\s,;])kec(?:amatan)?\b\.?\s*([^,;/\n]+)/i.exec(alamat);
  if (!m) return '';
  const name = m[1]!.split(/\s+(?:kab\b\.?|kabupaten\b|kota\b|prov\b\.?|provinsi\b|kode\s+pos\b|\d{5}\b)/i)[0] ?? '';
  return kecamatanName(name);
}
