/**
 * Shapes that several routes of the HTTP API share. Pure types: the web imports them with
 * `import type` (nothing reaches the bundle) and the server's use cases return them.
 *
 * Wire conventions: an instant is an ISO 8601 string in UTC (`2026-11-29T23:12:03.120Z`);
 * a calendar date is `YYYY-MM-DD` in the regency's zone; a clock time is `HH:MM` (24 h).
 * Field names are Indonesian where the API's are (they are what the admin and heads read
 * in the CSVs and the docs); the type names are the ideas in English, one name per idea,
 * as in the server's use cases.
 */

/** An instant, ISO 8601 in UTC, e.g. `2026-11-29T23:12:03.120Z`. */
export type Instant = string;

/** A calendar date `YYYY-MM-DD` in the regency's zone. */
export type IsoDate = string;

/** A clock time `HH:MM` (24 hours) in the regency's zone. */
export type ClockTime = string;

/** The two apel of a WFA day. */
export type Slot = 'pagi' | 'sore';

/** A sesi's slot: `demo` exists only in the local runtime's demo mode. */
export type SesiSlot = Slot | 'demo';

/**
 * Where a sesi stands: `terjadwal` planned (not opened yet), `dibuka` open for check-in,
 * `ditutup` closed (or past its closing time).
 */
export type SesiState = 'terjadwal' | 'dibuka' | 'ditutup';

/** What a personal link may do: `asn` their own page, `pimpinan` also their OPD, `admin` the regency. */
export type Role = 'asn' | 'pimpinan' | 'admin';

/** Employment status of an ASN. */
export type AsnStatus = 'PNS' | 'PPPK';

export type Weekday = 'senin' | 'selasa' | 'rabu' | 'kamis' | 'jumat' | 'sabtu' | 'minggu';

/** Whether a check-in asks for today's work plan (pagi) or output (sore). */
export type ReportRule = 'wajib' | 'opsional' | 'tidak';

/** A check-in's result: on time up to and including `onTimeUntil`, late after it. */
export type CheckinStatus = 'hadir' | 'terlambat';

/** The kinds of excuse (izin) a head records. */
export type ExcuseKind = 'izin' | 'sakit' | 'cuti' | 'dinas_luar' | 'tugas_belajar';

/**
 * One expected ASN in a sesi: checked in (on time or late), not yet (`belum_hadir`, the
 * sesi is open), absent (`tidak_hadir`, closed), excused by kind, or freed by a disruption
 * the admin declared (`dibebaskan`).
 */
export type AttendanceStatus = CheckinStatus | 'belum_hadir' | 'tidak_hadir' | 'dibebaskan' | ExcuseKind;

/** Recap codes: hadir, terlambat, tanpa keterangan, izin, sakit, cuti, dinas luar, tugas belajar, dibebaskan. */
export type Code = 'H' | 'TL' | 'TK' | 'I' | 'S' | 'C' | 'DL' | 'TB' | 'DB';

/** Counts of one OPD (or all) in one sesi; `expected` is the sum of the others. */
export interface Counts {
  expected: number;
  hadir: number;
  terlambat: number;
  /** Not checked in yet, the sesi still open. */
  belumHadir: number;
  /** Absent without excuse (TK), the sesi closed. */
  tidakHadir: number;
  /** Freed by a disruption the admin declared (DB). */
  dibebaskan: number;
  izin: number;
  sakit: number;
  cuti: number;
  dinas_luar: number;
  tugas_belajar: number;
}

/** A holiday or cuti bersama (libur): no apel on that date. */
export interface Holiday {
  date: IsoDate;
  jenis: 'libur_nasional' | 'cuti_bersama';
  keterangan: string;
}

/** A slot's window as configured: opens, on time until, closes. */
export interface SlotTimes {
  opens: ClockTime;
  onTimeUntil: ClockTime;
  closes: ClockTime;
}

/** A sesi's window as instants. */
export interface SesiWindow {
  opensAt: Instant;
  onTimeUntil: Instant;
  closesAt: Instant;
}

/** A sesi as planned by config and calendar, before and whether or not it opens. */
export interface PlannedSesi extends SesiWindow {
  /** `<date>.<slot>`, e.g. `2026-11-30.pagi`. */
  id: string;
  date: IsoDate;
  slot: SesiSlot;
  /** `Apel Pagi`, `Apel Sore`, `Apel Demo`. */
  label: string;
}

/**
 * A disruption (gangguan) the admin declared for a sesi, as the heads' pages show it:
 * `perpanjang` extended the window, `bebaskan` frees everyone in it (nobody late or absent).
 */
export interface Disruption {
  mode: 'perpanjang' | 'bebaskan';
  keterangan: string;
}

/** A disruption with who declared it and when, as the admin sees it. */
export interface DeclaredDisruption extends Disruption {
  /** Minutes added to the window by every `perpanjang` together. */
  menit?: number;
  /** NIP of the admin who declared it. */
  oleh: string;
  at: Instant;
}

/** An excuse (izin, sakit, cuti, dinas luar, tugas belajar) of one ASN over a date range. Never deleted: withdrawing marks it. */
export interface Excuse {
  id: string;
  nip: string;
  opd: string;
  jenis: ExcuseKind;
  dari: IsoDate;
  sampai: IsoDate;
  catatan: string;
  /** NIP of the head who recorded it. */
  oleh: string;
  at: Instant;
  ditarik: null | { oleh: string; at: Instant };
}

/** A head's mark on a check-in: the uniform was not as required. */
export interface ComplianceMark {
  catatan: string;
  /** NIP of the head who marked it. */
  oleh: string;
  at: Instant;
}

/** An OPD's exempt-from-WFA (or eligible) status from a date on. */
export interface WfaChange {
  sejak: IsoDate;
  wfa: boolean;
}

/** An OPD (organisasi perangkat daerah) as the ASN's and heads' pages see it. */
export interface Opd {
  kode: string;
  nama: string;
  /** false: a public-service OPD exempt from WFA (its staff work from the office) on the date concerned. */
  wfa: boolean;
  /** The admin's dated changes, when there are any (the admin console shows them). */
  wfaSejak?: WfaChange[];
}

/** The meeting link (tautan apel: Zoom, Meet…) of each apel; null where none is set. */
export type MeetingLinks = Record<Slot, string | null>;

/** A row of an uploaded CSV that was refused: its line (1 = the header) and why. */
export interface RowProblem {
  line: number;
  reason: string;
}

/** Every answer that is not 2xx (or 304): a code to act on and a message to show as is (Indonesian). */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

/**
 * What a route takes: path parameters (`{opd}` in the route key), query parameters and the
 * JSON body. Parts a route does not take are absent.
 */
export interface RouteRequest {
  params?: Record<string, string>;
  query?: object;
  body?: unknown;
}

/** A route's request and its successful answer (2xx; errors are `ApiErrorBody`). */
export interface Endpoint<Req extends RouteRequest, Res> {
  request: Req;
  response: Res;
}

/** A route that takes nothing but the bearer token. */
export type NoRequest = Record<never, never>;
