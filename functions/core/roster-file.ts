import { parse } from 'csv-parse/sync';
import { InvalidInput } from './errors';

/**
 * HR's roster file as it really comes, before the roster rules (core/roster.ts) see it:
 * BKN's SIASN "Export Data ASN" (64 columns, titles split from the name, the OPD only as a
 * unit name, retirees still listed), an Indonesian-locale Excel CSV, or any spreadsheet
 * with its own headers. Pure: the table, the header row, the column mapping, the kind of
 * file (to remember its mapping), the unit values to map to OPDs. The console converts an
 * `.xlsx` to CSV text in the browser; everything else happens here, on the server, so the
 * console and the command line apply one set of rules.
 */

export const IMPORT_FIELDS = ['nip', 'nama', 'gelarDepan', 'gelarBelakang', 'jabatan', 'opd', 'status', 'noHp', 'peran', 'kedudukan', 'kecamatan', 'alamat'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly ImportField[] = ['nip', 'nama', 'opd'];

/** Each field's column: the header text as in the file, or null (not in this file). */
export type ColumnMap = Record<ImportField, string | null>;

/** Known headers, best first (SIASN's `SATUAN KERJA KERJA NAMA` is the OPD; `UNOR NAMA` often a sub-unit). */
const ALIASES: Record<ImportField, readonly string[]> = {
  nip: ['nip', 'nip baru', 'nip 18 digit', 'nip asn', 'nomor induk pegawai'],
  nama: ['nama', 'nama lengkap', 'nama pegawai', 'nama asn'],
  gelarDepan: ['gelar depan'],
  gelarBelakang: ['gelar belakang'],
  jabatan: ['jabatan', 'jabatan nama', 'nama jabatan'],
  opd: ['opd', 'kode opd', 'satuan kerja kerja nama', 'unit kerja', 'perangkat daerah', 'nama opd', 'skpd', 'satuan kerja', 'unor nama', 'unit organisasi'],
  status: ['status', 'jenis pegawai nama', 'jenis pegawai', 'status pegawai', 'status asn'],
  noHp: ['no hp', 'nomor hp', 'hp', 'no hp wa', 'no wa', 'nomor wa', 'no telepon', 'nomor telepon', 'no telp', 'telepon', 'whatsapp'],
  peran: ['peran', 'role'],
  kedudukan: ['kedudukan hukum nama', 'kedudukan hukum', 'kedudukan'],
  // Where the ASN lives (works from on WFA days): a SIMPEG or attendance export often has it; SIASN does not.
  kecamatan: ['kecamatan', 'kecamatan domisili', 'kecamatan tempat tinggal', 'kecamatan tinggal', 'kecamatan alamat', 'alamat kecamatan', 'domisili kecamatan', 'kecamatan wfa', 'kec'],
  // SIASN's ALAMAT: the kecamatan is read from its "Kec. …" when the file has no kecamatan column.
  alamat: ['alamat', 'alamat domisili', 'alamat tempat tinggal', 'alamat rumah', 'alamat lengkap'],
};

/** A header as compared: `No. HP`, `no_hp` and `NO HP` are one. */
export const headerKey = (header: string): string =>
  header
    .normalize('NFKC')
    .toLocaleLowerCase('id')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A unit value as remembered: capitals and spacing do not make another unit. */
export const unitKey = (value: string): string => value.normalize('NFKC').toLocaleLowerCase('id').replace(/\s+/g, ' ').trim().slice(0, 300);

export interface TableRow {
  /** The file's line (1-based) where the row ends, as a spreadsheet user counts. */
  line: number;
  cells: string[];
}

const SEPARATORS = [',', ';', '|', '\t'] as const;
/** Rows searched for the header: a title or two may sit above it. */
const HEADER_SEARCH = 20;

/** The file's text as rows of cells; an empty or binary file is refused with a reason. */
export function readTable(text: string): TableRow[] {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new InvalidInput('BERKAS_KOSONG', 'Berkas kosong: tidak ada judul kolom maupun baris data.');
  if (looksBinary(body)) {
    throw new InvalidInput(
      'BERKAS_BUKAN_TABEL',
      'Berkas ini bukan CSV atau lembar kerja yang bisa dibaca. Pilih berkas .csv atau .xlsx (mis. "Export Data ASN" dari SIASN), bukan PDF, gambar atau dokumen Word.',
    );
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter: separatorOf(body),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (e) {
    throw new InvalidInput('CSV_TIDAK_VALID', `Berkas CSV tidak bisa dibaca: ${(e as Error).message}`);
  }
  return records.map(({ record, info }) => ({ line: info.lines, cells: record })).filter((r) => r.cells.some((c) => c !== ''));
}

function looksBinary(text: string): boolean {
  if (text.startsWith('PK\u0003\u0004') || text.startsWith('%PDF') || text.includes('\u0000')) return true;
  const sample = text.slice(0, 4096);
  const odd = sample.match(/[\uFFFD\u0001-\u0008\u000E-\u001F]/g)?.length ?? 0;
  return odd > sample.length / 20;
}

/** The separator that splits some line of the file's start the most (outside quotes). */
function separatorOf(text: string): string {
  const lines = text.split(/\r?\n/, 40).map((l) => l.replace(/"[^"]*"/g, ''));
  let best: string = ',';
  let most = 0;
  for (const sep of SEPARATORS) {
    const count = Math.max(0, ...lines.map((l) => l.split(sep).length - 1));
    if (count > most) [best, most] = [sep, count];
  }
  return best;
}

/** The kind of file, to remember its mapping: SIASN's export, or this set of headers. */
export function fileKind(headers: readonly string[]): { jenis: string; label: string } {
  const keys = new Set(headers.map(headerKey).filter(Boolean));
  if (keys.has('nip baru') && (keys.has('kedudukan hukum nama') || keys.has('pns id'))) return { jenis: 'siasn', label: 'SIASN (Export Data ASN)' };
  const signature = [...keys].sort().join('|');
  let hash = 0x811c9dc5;
  for (let i = 0; i < signature.length; i++) hash = Math.imul(hash ^ signature.charCodeAt(i), 0x01000193) >>> 0;
  // A header may be any length a file holds: the label (shown, and kept in audit lines) names each by its first 40 characters.
  const shown = headers.filter(Boolean).slice(0, 4).map((h) => ([...h].length > 40 ? `${[...h].slice(0, 40).join('')}…` : h)).join(', ');
  return { jenis: `kolom-${hash.toString(16).padStart(8, '0')}`, label: `Berkas dengan kolom ${shown}${headers.length > 4 ? ', …' : ''}` };
}

export interface MappedFile<F extends string = ImportField> {
  jenis: string;
  label: string;
  /** The header's line in the file. */
  barisJudul: number;
  judul: string[];
  kolom: Record<F, string | null>;
  /** Required fields without a column: the admin must choose one. */
  kurang: F[];
  data: TableRow[];
  /** The cell of a field on a row ("" when the field has no column). */
  cell: (row: TableRow, field: F) => string;
}

/** The fields of a kind of upload, their usual header names (best first) and which are required. */
export interface FileSpec<F extends string> {
  fields: readonly F[];
  aliases: Record<F, readonly string[]>;
  required: readonly F[];
}

const ROSTER_FILE: FileSpec<ImportField> = { fields: IMPORT_FIELDS, aliases: ALIASES, required: REQUIRED_FIELDS };

/**
 * Finds the header (the first of the file's first rows with a NIP column, or with the
 * column the admin named as NIP) and maps every field: the admin's choice for this file,
 * else what was saved for this kind of file, else the known header names.
 */
export function mapFile(rows: readonly TableRow[], saved: Partial<Record<string, Partial<ColumnMap>>>, chosen: Partial<ColumnMap> = {}): MappedFile {
  return mapColumns(rows, ROSTER_FILE, saved, chosen);
}

/** The same for any kind of upload with a NIP column (the office e-presensi: NIP, tanggal, jam masuk, jam pulang). */
export function mapColumns<F extends 'nip' | (string & {})>(
  rows: readonly TableRow[],
  spec: FileSpec<F>,
  saved: Partial<Record<string, Partial<Record<F, string | null>>>>,
  chosen: Partial<Record<F, string | null>> = {},
): MappedFile<F> {
  const chosenNip = chosen['nip' as F];
  const wantedNip = chosenNip ? headerKey(chosenNip) : undefined;
  const isNip = (cell: string) => (wantedNip ? headerKey(cell) === wantedNip : ALIASES.nip.includes(headerKey(cell)));
  const at = rows.slice(0, HEADER_SEARCH).findIndex((r) => r.cells.some(isNip));
  if (at < 0) {
    const first = rows[0]?.cells.filter(Boolean).slice(0, 12) ?? [];
    throw new InvalidInput(
      'KOLOM_NIP_TIDAK_ADA',
      `Kolom NIP tidak ditemukan (dicari judul "NIP" atau "NIP BARU" di ${HEADER_SEARCH} baris pertama). ` +
        `Judul kolom yang ditemukan: ${first.length ? first.map((h) => `"${h}"`).join(', ') : '(tidak ada)'}.`,
    );
  }
  const header = rows[at]!;
  const judul = header.cells;
  const { jenis, label } = fileKind(judul);
  const index = new Map<string, number>();
  judul.forEach((h, i) => {
    if (h !== '' && !index.has(h)) index.set(h, i);
  });
  const byKey = new Map<string, string>();
  for (const h of judul) if (h !== '' && !byKey.has(headerKey(h))) byKey.set(headerKey(h), h);
  const exists = (h: string | null | undefined): h is string | null => h === null || (h !== undefined && index.has(h));
  const kept: Partial<Record<F, string | null>> = saved[jenis] ?? {};
  const kolom = {} as Record<F, string | null>;
  for (const f of spec.fields) {
    const pick = chosen[f];
    const remembered = kept[f];
    kolom[f] = exists(pick) ? pick : exists(remembered) ? remembered : (spec.aliases[f].map((a) => byKey.get(a)).find(Boolean) ?? null);
  }
  const columnOf = Object.fromEntries(spec.fields.map((f) => [f, kolom[f] === null ? -1 : index.get(kolom[f]!)!])) as Record<F, number>;
  return {
    jenis,
    label,
    barisJudul: header.line,
    judul,
    kolom,
    kurang: spec.required.filter((f) => kolom[f] === null),
    data: rows.slice(at + 1),
    cell: (row, f) => (columnOf[f] < 0 ? '' : (row.cells[columnOf[f]] ?? '')),
  };
}

/** SIASN keeps titles apart: `dr.` + `Irfan Kamaru` + `S.Kep., Ns` is "dr. Irfan Kamaru, S.Kep., Ns". */
export function fullName(depan: string, nama: string, belakang: string): string {
  const front = depan.trim();
  const back = belakang.trim().replace(/^,\s*/, '');
  return `${front ? `${front} ` : ''}${nama.trim()}${back ? `, ${back}` : ''}`;
}

/** SIASN's `JENIS PEGAWAI NAMA` (PNS, CPNS, PNS Daerah, PPPK, P3K …) as PNS or PPPK; other text unchanged. */
export function employeeStatus(value: string): string {
  const v = value.toUpperCase();
  if (/\bP(PPK|3K)\b/.test(v)) return 'PPPK';
  if (/\bC?PNS\b/.test(v)) return 'PNS';
  return value;
}

/** SIASN's `KEDUDUKAN HUKUM NAMA`: the reason to propose deactivation, or undefined when active (or not given). */
export function inactiveReason(kedudukan: string): string | undefined {
  const v = kedudukan.trim();
  return v === '' || /^aktif$/i.test(v) ? undefined : v;
}

const STOP = new Set(['dan', 'dinas', 'badan', 'kantor', 'sekretariat', 'bagian', 'bidang', 'sub', 'subbagian', 'seksi', 'uptd', 'upt', 'kabupaten', 'kab', 'daerah', 'unit', 'kerja']);
const words = (s: string) => new Set(unitKey(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !STOP.has(w)));

/** OPDs whose name shares the most words with a unit value (a sub-unit's name included), best first. */
export function suggestOpds(value: string, opds: readonly { kode: string; nama: string }[], max = 3): string[] {
  const mine = words(value);
  if (mine.size === 0) return [];
  return opds
    .map((o) => {
      const theirs = words(o.nama);
      const shared = [...mine].filter((w) => theirs.has(w)).length;
      return { kode: o.kode, score: shared === 0 ? 0 : shared / Math.max(theirs.size, 1) + shared };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.kode.localeCompare(b.kode))
    .slice(0, max)
    .map((s) => s.kode);
}

/** The OPD a unit value is without asking: its code, or its exact name. */
export function obviousOpd(value: string, opds: readonly { kode: string; nama: string }[]): string | undefined {
  const key = unitKey(value);
  return opds.find((o) => o.kode === key || unitKey(o.nama) === key)?.kode;
}
