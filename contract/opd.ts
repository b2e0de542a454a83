/**
 * The heads' pages (/pimpinan): /api/opd/…, for a head of the OPD in the path or an admin.
 */
import type { AssessmentMark } from './evaluation';
import type {
  AttendanceStatus,
  Code,
  ComplianceMark,
  Counts,
  Disruption,
  Endpoint,
  Excuse,
  ExcuseKind,
  Instant,
  IsoDate,
  MeetingLinks,
  NoRequest,
  Opd,
  PlannedSesi,
  SesiSlot,
  SesiState,
} from './common';

/** Path parameter of every route below but the first. */
type OpdParams = { opd: string };

/** A date range in the query; the server fills in a missing end. */
type RangeQuery = { dari?: IsoDate; sampai?: IsoDate };

/** GET /api/opd: the OPDs this link may manage (every OPD for an admin, their own for a head), `wfa` as of today. */
export interface ManageableOpds {
  opd: Opd[];
}

/** The sesi a roll is about, planned or opened. */
export interface RollSesi extends PlannedSesi {
  state: SesiState;
  demo: boolean;
  gangguan: Disruption | null;
}

/** The excuse that covers an ASN on the sesi's date. */
export type ExcuseRef = Pick<Excuse, 'id' | 'jenis' | 'dari' | 'sampai' | 'catatan'>;

/** One expected ASN in the live roll. */
export interface RollRow {
  nip: string;
  nama: string;
  jabatan: string;
  status: AttendanceStatus;
  /** The recap code of `status`; null while not yet present. */
  kode: Code | null;
  checkedInAt: Instant | null;
  laporan: string | null;
  seragamDikonfirmasi: boolean | null;
  tidakPatuh: ComplianceMark | null;
  /** The head's assessment of the output (apel sore), else null (PUT /api/opd/{opd}/penilaian/…). */
  penilaian: AssessmentMark | null;
  izin: ExcuseRef | null;
  /** The check-in was kept on the phone without network and delivered later (*luring*); its time is the tap's. */
  luring: boolean;
  /**
   * The proof the check-in came with (`passkey`: the phone's key and a fingerprint, passkey mode;
   * `perangkat`: the phone's key; `tanpa`: none, before binding was required); null without a check-in.
   */
  bukti: 'passkey' | 'perangkat' | 'tanpa' | null;
  /** The reason the ASN gave for being late (PUT /api/me/alasan/{sesiId}), else null. */
  alasanTerlambat: string | null;
}

/**
 * GET /api/opd/{opd}/apel[?sesi=<id>]: the live roll of one sesi (without `sesi`, the open
 * one of today, else the last closed, else the next). Answers 304 to a matching
 * `If-None-Match`; the ETag leaves out `now`.
 */
export interface Roll {
  now: Instant;
  timeZone: string;
  zoneLabel: string;
  /** `wfa` as of the sesi's date. */
  opd: Opd;
  /** null: no apel today. */
  sesi: RollSesi | null;
  /** Today's sesi, to switch between them. */
  hariIni: { id: string; label: string; state: SesiState }[];
  /** The uniform of the sesi's date, or null. */
  seragam: string | null;
  /** Ask again after this many seconds; null: the roll will not change (closed, or another day). */
  refreshSeconds: number | null;
  counts: Counts;
  rows: RollRow[];
  /** Phones: how many of the OPD's ASN have a link bound to one, and new phones waiting for approval. */
  perangkat: RollDevices;
}

/** A new phone asking to take over an ASN's link ("perangkat baru menunggu persetujuan"). */
export interface DeviceRequest {
  nip: string;
  nama: string;
  /** Thumbprint of the new phone's key (what the decision names). */
  kid: string;
  /** When it asked. */
  at: Instant;
}

export interface RollDevices {
  /** ASN of the roll whose link is bound to a phone. */
  terikat: number;
  /** Of them, those who registered a passkey (passkey mode: check-ins with a fingerprint). */
  passkey: number;
  menunggu: DeviceRequest[];
}

/** POST /api/opd/{opd}/perangkat/{nip}: approve (`setuju: true`) or refuse the new phone named by `kid`. Audited. */
export interface DeviceDecision {
  kid: string;
  setuju: boolean;
}

export interface DeviceDecided {
  nip: string;
  setuju: boolean;
}

/** POST /api/opd/{opd}/izin: an excuse for an active ASN of the OPD, at most 366 days. */
export interface ExcuseInput {
  nip: string;
  jenis: ExcuseKind;
  dari: IsoDate;
  sampai: IsoDate;
  /** At most 500 characters; empty by default. */
  catatan?: string;
}

export interface ExcuseList {
  izin: Excuse[];
}

/** An answer carrying one excuse (recorded, or withdrawn). */
export interface ExcuseSaved {
  izin: Excuse;
}

/** PUT /api/opd/{opd}/seragam/{sesiId}/{nip}: `patuh: false` marks the uniform not as required (a note is required). */
export interface ComplianceInput {
  patuh: boolean;
  /** At most 300 characters. */
  catatan?: string;
}

export interface ComplianceSaved {
  /** The mark now on the check-in; null once cleared. */
  tidakPatuh: ComplianceMark | null;
}

/** A readiness check (cek kesiapan) of the last week, with who answered and who has not. */
export interface ReadinessCheck {
  /** Sorts by start time: `20261130T011500Z-ab12cd`. */
  id: string;
  opd: string;
  pesan: string;
  mulai: Instant;
  batas: Instant;
  /** NIP of the head who started it. */
  oleh: string;
}

export interface ReadinessCheckWithAnswers extends ReadinessCheck {
  /** Still taking answers. */
  berjalan: boolean;
  jawaban: { nip: string; nama: string; at: Instant }[];
  belum: { nip: string; nama: string }[];
}

/** GET /api/opd/{opd}/kesiapan: the checks of the last 7 days, newest first. */
export interface ReadinessChecks {
  now: Instant;
  cek: ReadinessCheckWithAnswers[];
  /** Why a check cannot start now (not a WFA day, a holiday, outside working hours), else null. */
  tidakBisaMulai: string | null;
}

/** POST /api/opd/{opd}/kesiapan: one at a time per OPD, during working hours of a WFA day. */
export interface ReadinessInput {
  /** 5–120; 15 by default. */
  menit?: number;
  /** At most 200 characters; a standard text by default. */
  pesan?: string;
}

export interface ReadinessStarted {
  cek: ReadinessCheck;
}

/** GET /api/opd/{opd}/tautan-apel: the OPD's own meeting links (null: none set) and the regency's they override. */
export interface OpdMeetingLinks {
  tautanApel: MeetingLinks;
  bawaan: MeetingLinks;
}

/** PUT /api/opd/{opd}/tautan-apel: `https://` links only; null (or absent) uses the regency's. */
export type MeetingLinksInput = Partial<MeetingLinks>;

export interface MeetingLinksSaved {
  tautanApel: MeetingLinks;
}

/** One closed sesi in an OPD's recaps. */
export interface RecapSesi {
  id: string;
  date: IsoDate;
  slot: SesiSlot;
  label: string;
  gangguan: Disruption | null;
  counts: Counts;
}

/** One ASN in an OPD's recaps: their code per sesi id, and totals per code. */
export interface RecapAsn {
  nip: string;
  nama: string;
  jabatan: string;
  kode: Record<string, Code>;
  jumlah: Record<Code, number>;
  /** The reason given for being late, by sesi id (only sesi where the ASN gave one). */
  alasan: Record<string, string>;
  /** Sesi ids where their check-in was kept on the phone without network and delivered later (*luring*); absent when none. */
  luring?: string[];
}

/**
 * GET /api/opd/{opd}/rekap?dari=&sampai=: the OPD's recaps (rekap: per sesi and per ASN, its
 * history) over at most 92 days, closed sesi only, with today's excuses applied. `rekap.csv`
 * is the same as a spreadsheet.
 */
export interface OpdRecaps {
  /** The OPD as stored (`wfa` before any dated change). */
  opd: Opd;
  dari: IsoDate;
  sampai: IsoDate;
  sesi: RecapSesi[];
  asn: RecapAsn[];
}

/**
 * GET /api/opd/{opd}/rekap.csv: the recaps as `text/csv` for Excel on an Indonesian-locale
 * PC (UTF-8 with BOM, `;`, CRLF), named by `Content-Disposition`. The body is the file's text.
 */
export type RecapsCsv = string;

export interface OpdRoutes {
  'GET /api/opd': Endpoint<NoRequest, ManageableOpds>;
  'GET /api/opd/{opd}/apel': Endpoint<{ params: OpdParams; query: { sesi?: string } }, Roll>;
  'GET /api/opd/{opd}/izin': Endpoint<{ params: OpdParams; query: RangeQuery }, ExcuseList>;
  'POST /api/opd/{opd}/izin': Endpoint<{ params: OpdParams; body: ExcuseInput }, ExcuseSaved>;
  'DELETE /api/opd/{opd}/izin/{izinId}': Endpoint<{ params: OpdParams & { izinId: string } }, ExcuseSaved>;
  'PUT /api/opd/{opd}/seragam/{sesiId}/{nip}': Endpoint<{ params: OpdParams & { sesiId: string; nip: string }; body: ComplianceInput }, ComplianceSaved>;
  'GET /api/opd/{opd}/kesiapan': Endpoint<{ params: OpdParams }, ReadinessChecks>;
  'POST /api/opd/{opd}/kesiapan': Endpoint<{ params: OpdParams; body: ReadinessInput }, ReadinessStarted>;
  'GET /api/opd/{opd}/tautan-apel': Endpoint<{ params: OpdParams }, OpdMeetingLinks>;
  'PUT /api/opd/{opd}/tautan-apel': Endpoint<{ params: OpdParams; body: MeetingLinksInput }, MeetingLinksSaved>;
  'GET /api/opd/{opd}/rekap': Endpoint<{ params: OpdParams; query: RangeQuery }, OpdRecaps>;
  'GET /api/opd/{opd}/rekap.csv': Endpoint<{ params: OpdParams; query: RangeQuery }, RecapsCsv>;
  'POST /api/opd/{opd}/perangkat/{nip}': Endpoint<{ params: OpdParams & { nip: string }; body: DeviceDecision }, DeviceDecided>;
}
