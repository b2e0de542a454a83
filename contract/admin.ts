/**
 * The HR admin's console (/admin): /api/admin/…, for an admin's link only.
 */
import type {
  AsnStatus,
  Counts,
  DeclaredDisruption,
  Endpoint,
  Holiday,
  Instant,
  IsoDate,
  NoRequest,
  Role,
  RowProblem,
  SesiSlot,
  SesiState,
  SesiWindow,
  PlannedSesi,
  Slot,
  SlotTimes,
  WfaChange,
  Weekday,
} from './common';

/** One OPD's counts in an overview sesi. */
export interface OverviewOpd {
  kode: string;
  nama: string;
  /** As of the overview's date. */
  wfa: boolean;
  counts: Counts;
}

/** One sesi of the overview's date, with every OPD's counts and the total. */
export interface OverviewSesi extends PlannedSesi {
  state: SesiState;
  demo: boolean;
  gangguan: DeclaredDisruption | null;
  total: Counts;
  /** By name. */
  opd: OverviewOpd[];
}

/**
 * GET /api/admin/ringkasan[?tanggal=]: the regency at a glance on a date (today without one).
 * Answers 304 to a matching `If-None-Match`; the ETag leaves out `now`.
 */
export interface Overview {
  now: Instant;
  timeZone: string;
  zoneLabel: string;
  tanggal: IsoDate;
  libur: Holiday | null;
  hariKhusus: SpecialDay | null;
  /** Ask again after this many seconds while a sesi is open; else null. */
  refreshSeconds: number | null;
  sesi: OverviewSesi[];
}

/** One line of the audit trail: who did what to which record, when, before and after. Never changed. */
export interface AuditEntry {
  id: string;
  at: Instant;
  /** `nip` is `cli` for the admin commands. */
  actor: { nip: string; role: Role; opd: string };
  /** e.g. `izin.catat`, `roster.ubah`, `tautan.terbitkan`. */
  action: string;
  /** The OPD the change concerns. */
  opd?: string;
  /** The record, e.g. `asn:1985…`, `izin:…`, `libur:2026-12-25`. */
  target: string;
  before?: unknown;
  after?: unknown;
}

/** GET /api/admin/audit?bulan=YYYY-MM[&opd=&aktor=<nip>&aksi=<prefix>]: a month, newest first. */
export interface AuditQuery {
  bulan?: string;
  opd?: string;
  aktor?: string;
  aksi?: string;
}

export interface AuditList {
  bulan: string;
  audit: AuditEntry[];
  /** NIP → name of the people the lines name (actors and records), for names beside NIPs. */
  nama: Record<string, string>;
}

/** An ASN as the admin sees them (field names as in the roster CSV). */
export interface AsnView {
  nip: string;
  nama: string;
  jabatan: string;
  opd: string;
  status: AsnStatus;
  /** Normalised to `62…`; "" when unknown. */
  noHp: string;
  peran: Role;
  aktif: boolean;
  /** The kecamatan where they live, and mostly work from on WFA days (the evaluation's network readiness per kecamatan); absent when not known. */
  kecamatan?: string;
}

/** The fields an import compares, in the CSV's terms. */
export type AsnField = 'nama' | 'jabatan' | 'opd' | 'status' | 'noHp' | 'peran' | 'aktif' | 'kecamatan';

/** A field of the roster a file's column can give (SIASN keeps titles and the legal status apart). */
export type ImportField = 'nip' | 'nama' | 'gelarDepan' | 'gelarBelakang' | 'jabatan' | 'opd' | 'status' | 'noHp' | 'peran' | 'kedudukan' | 'kecamatan' | 'alamat';

/**
 * The admin's mapping for one file: a field's column (the header as in the file; null: not
 * in this file), and a unit value's OPD code. Saved at import, per kind of file and per
 * unit value, and offered on the next import.
 */
export interface ImportMapping {
  kolom?: Partial<Record<ImportField, string | null>>;
  opd?: Record<string, string>;
}

/** How the file was read: its kind, header row, headers and each field's column. */
export interface ImportFile {
  /** `siasn`, or `kolom-…` for a set of headers: the mapping is saved per kind. */
  jenis: string;
  label: string;
  barisJudul: number;
  judul: string[];
  kolom: Record<ImportField, string | null>;
  /** Required fields (NIP, name, OPD) without a column: nothing can be imported until chosen. */
  kurang: ImportField[];
}

/** A distinct value of the file's OPD column and the OPD it goes to (null: not mapped, its rows held back). */
export interface ImportUnit {
  nilai: string;
  baris: number;
  opd: string | null;
  sumber: 'otomatis' | 'tersimpan' | 'pilihan' | null;
  /** OPD codes whose names look like the value, best first. */
  saran: string[];
}

/** POST /api/admin/roster/pratinjau `{csv, pemetaan?}`: what importing the file would do; nothing is written. */
export interface ImportSummary {
  /** Data lines in the file. */
  total: number;
  valid: number;
  problems: RowProblem[];
  counts: {
    baru: number;
    berubah: number;
    tetap: number;
    pindah: number;
    aktifKembali: number;
    missing: number;
    /** Rows held back because their unit value is not mapped to an OPD yet. */
    ditahan: number;
    /** Rows the file itself lists as not active (SIASN `KEDUDUKAN HUKUM NAMA`: Pensiun, Meninggal, …). */
    tidakAktif: number;
  };
  berkas: ImportFile;
  unit: ImportUnit[];
  baru: AsnView[];
  berubah: { sebelum: AsnView; sesudah: AsnView; kolom: AsnField[] }[];
  pindah: { nip: string; nama: string; dari: string; ke: string }[];
  /**
   * Active ASN proposed for deactivation, only when the admin ticks them: missing from the
   * file, or listed in it as not active (`alasan`, e.g. "Pensiun").
   */
  missing: { nip: string; nama: string; opd: string; alasan?: string }[];
}

/** POST /api/admin/roster/impor: the summary of what was written, and who was deactivated. */
export interface ImportResult extends ImportSummary {
  nonaktif: string[];
  tautanDicabut: number;
}

/** A roster CSV's text, as the browser read it (at most 5 MB). */
export interface CsvUpload {
  csv: string;
}

/** A roster file (CSV text; an .xlsx sheet converted to CSV in the browser) and the admin's mapping. */
export interface RosterUpload extends CsvUpload {
  pemetaan?: ImportMapping;
}

export interface ImportInput extends RosterUpload {
  /** NIPs among `missing` to deactivate. */
  nonaktifkan?: string[];
}

/** GET /api/admin/asn[?opd=&q=&aktif=ya|tidak|semua]: by OPD, then name. */
export interface AsnQuery {
  opd?: string;
  /** Part of a name, or digits of a NIP. */
  q?: string;
  aktif?: 'ya' | 'tidak' | 'semua';
}

export interface AsnList {
  asn: AsnView[];
}

/** POST /api/admin/asn: the same rules as a row of the roster CSV. */
export interface AsnInput {
  nip: string;
  nama: string;
  jabatan?: string;
  opd: string;
  status: AsnStatus;
  noHp?: string;
  /** `asn` by default. */
  peran?: Role;
  kecamatan?: string;
}

/** PATCH /api/admin/asn/{nip}: what changes; a new `opd` moves them, `aktif: false` deactivates (the link is revoked). */
export type AsnPatch = Partial<Omit<AsnView, 'nip'>>;

export interface AsnSaved {
  asn: AsnView;
}

/** GET /api/admin/asn/{nip}: an ASN and when their current link was issued (null: none). */
export interface AsnDetail {
  asn: AsnView;
  tautan: { issuedAt: Instant } | null;
}

/** An OPD as the admin sees it: its status today and the dated changes. */
export interface OpdView {
  kode: string;
  nama: string;
  /** Today's value. */
  wfa: boolean;
  /** Before any dated change. */
  wfaAwal: boolean;
  /** Oldest first. */
  wfaSejak: WfaChange[];
}

/** GET /api/admin/opd: every OPD with its active staff count and heads. */
export interface OpdListRow extends OpdView {
  jumlahAsn: number;
  pimpinan: { nip: string; nama: string }[];
}

export interface OpdList {
  opd: OpdListRow[];
}

/** POST /api/admin/opd: the code is lower case and never changes. */
export interface OpdInput {
  kode: string;
  nama: string;
  wfa: boolean;
}

export interface OpdSaved {
  opd: OpdView;
}

/**
 * What the admin set for one date (hari khusus): an extra apel day (both apel, whatever the
 * weekday), slots cancelled with a reason, changed times.
 */
export interface SpecialDay {
  date: IsoDate;
  tambahan: { keterangan: string } | null;
  batal: Partial<Record<Slot, string>>;
  waktu: Partial<Record<Slot, SlotTimes>>;
}

/** GET /api/admin/kalender[?tahun=]: a year's holidays and date settings, with the config's defaults. */
export interface YearCalendar {
  tahun: number;
  timeZone: string;
  wfaDays: Weekday[];
  slots: Record<Slot, SlotTimes>;
  libur: Holiday[];
  hariKhusus: SpecialDay[];
}

/** PUT /api/admin/kalender/libur/{tanggal}. */
export type HolidayInput = Pick<Holiday, 'jenis' | 'keterangan'>;

/** The holiday written (PUT) or removed (DELETE). */
export interface HolidaySaved {
  libur: Holiday;
}

/** POST /api/admin/kalender/libur/impor `{csv}` (`tanggal,jenis,keterangan`). */
export interface HolidayImport {
  added: number;
  updated: number;
  unchanged: number;
  problems: RowProblem[];
}

/** PUT /api/admin/kalender/hari/{tanggal}: replaces the date's settings; an empty object clears them. */
export interface SpecialDayInput {
  tambahan?: { keterangan: string } | null;
  batal?: Partial<Record<Slot, string>>;
  waktu?: Partial<Record<Slot, SlotTimes>>;
}

/** The date's settings now (null: none) and the apel it now has. */
export interface SpecialDaySaved {
  hariKhusus: SpecialDay | null;
  rencana: (SesiWindow & { id: string; slot: SesiSlot })[];
}

/** POST /api/admin/sesi/{sesiId}/gangguan: extend an open sesi by `menit` (1–120 in all), or free everyone. */
export type DisruptionInput = { mode: 'perpanjang'; menit: number; keterangan: string } | { mode: 'bebaskan'; keterangan: string };

export interface DisruptionSaved {
  sesi: SesiWindow & { id: string; state: 'dibuka' | 'ditutup'; gangguan: DeclaredDisruption };
}

/** Whose links: one ASN, a list of ASN (e.g. those an import just added), an OPD's active ASN, or every active ASN. */
export type LinkScope = { nip: string } | { nips: string[] } | { opd: string } | { semua: true };

/** POST /api/admin/tautan: issue (replacing earlier links) or revoke personal links. */
export interface LinksInput {
  cakupan: LinkScope;
  aksi: 'terbitkan' | 'cabut';
}

/** One issued personal link, for the CSV, the printed QR card and the WhatsApp message. */
export interface LinkCard {
  nip: string;
  nama: string;
  jabatan: string;
  opd: string;
  opdNama: string;
  peran: Role;
  /** `62…`, or "". */
  noHp: string;
  /** The personal link: the token is in the fragment (`#t=…`). Shown once: only its hash is stored. */
  tautan: string;
  /** A prefilled WhatsApp message to the ASN's own number; null without one. */
  waMe: string | null;
}

export interface LinksIssued {
  aksi: 'terbitkan';
  jumlah: number;
  /** By OPD name, then name. */
  tautan: LinkCard[];
  /** The name to save the links CSV under, e.g. `tautan-apel-setda-2026-11-30.csv`. */
  namaBerkas: string;
}

export interface LinksRevoked {
  aksi: 'cabut';
  jumlah: number;
  /** NIPs whose link was revoked. */
  nip: string[];
}

export type LinksResult = LinksIssued | LinksRevoked;

type Kode = { kode: string };
type Tanggal = { tanggal: IsoDate };

export interface AdminRoutes {
  'GET /api/admin/ringkasan': Endpoint<{ query: { tanggal?: IsoDate } }, Overview>;
  'GET /api/admin/audit': Endpoint<{ query: AuditQuery }, AuditList>;
  'POST /api/admin/roster/pratinjau': Endpoint<{ body: RosterUpload }, ImportSummary>;
  'POST /api/admin/roster/impor': Endpoint<{ body: ImportInput }, ImportResult>;
  'GET /api/admin/asn': Endpoint<{ query: AsnQuery }, AsnList>;
  'POST /api/admin/asn': Endpoint<{ body: AsnInput }, AsnSaved>;
  'GET /api/admin/asn/{nip}': Endpoint<{ params: { nip: string } }, AsnDetail>;
  'PATCH /api/admin/asn/{nip}': Endpoint<{ params: { nip: string }; body: AsnPatch }, AsnSaved>;
  'GET /api/admin/opd': Endpoint<NoRequest, OpdList>;
  'POST /api/admin/opd': Endpoint<{ body: OpdInput }, OpdSaved>;
  'PATCH /api/admin/opd/{kode}': Endpoint<{ params: Kode; body: { nama: string } }, OpdSaved>;
  'PUT /api/admin/opd/{kode}/wfa': Endpoint<{ params: Kode; body: WfaChange }, OpdSaved>;
  'GET /api/admin/kalender': Endpoint<{ query: { tahun?: string } }, YearCalendar>;
  'PUT /api/admin/kalender/libur/{tanggal}': Endpoint<{ params: Tanggal; body: HolidayInput }, HolidaySaved>;
  'DELETE /api/admin/kalender/libur/{tanggal}': Endpoint<{ params: Tanggal }, HolidaySaved>;
  'POST /api/admin/kalender/libur/impor': Endpoint<{ body: CsvUpload }, HolidayImport>;
  'PUT /api/admin/kalender/hari/{tanggal}': Endpoint<{ params: Tanggal; body: SpecialDayInput }, SpecialDaySaved>;
  'DELETE /api/admin/kalender/hari/{tanggal}': Endpoint<{ params: Tanggal }, SpecialDaySaved>;
  'POST /api/admin/sesi/{sesiId}/gangguan': Endpoint<{ params: { sesiId: string }; body: DisruptionInput }, DisruptionSaved>;
  'POST /api/admin/tautan': Endpoint<{ body: LinksInput }, LinksResult>;
}
