/**
 * The evaluation of WFA (/evaluasi): the admin sees the regency and every OPD, a head their
 * own OPD. Figures come from per-OPD-per-sesi aggregates (functions/core/evaluation.ts).
 * Also the head's assessment of an output on the sore roll, and the admin's upload of the
 * office e-presensi (office days beside WFA days).
 */
import type { Endpoint, Instant, IsoDate } from './common';
import type { SurveyResults } from './survey';

export type Assessment = 'sesuai' | 'sebagian' | 'tidak_sesuai';

/** A period's figures; a ratio is null when its denominator is 0 (nothing to divide). */
export interface EvaluationIndicators {
  /** Aggregates added: OPDs × apel (or OPDs × office days). */
  sesi: number;
  /** Distinct days: apel days, or office days. */
  hari: number;
  expected: number;
  kode: { H: number; TL: number; TK: number; I: number; S: number; C: number; DL: number; TB: number; DB: number };
  /** (H + TL) / expected. */
  kehadiran: number | null;
  /** H / (H + TL). */
  ketepatan: number | null;
  /** TK / expected. */
  tk: number | null;
  /** Minutes late of the late check-ins: median and 90th percentile (nearest rank). */
  telatMedian: number | null;
  telatP90: number | null;
  /** Pagi check-ins with a work plan / pagi check-ins. */
  rencana: number | null;
  /** Sore check-ins with an output / sore check-ins. */
  hasil: number | null;
  nilai: Record<Assessment, number>;
  /** Assessed outputs / sore check-ins. */
  dinilai: number | null;
  cekDiadakan: number;
  /** Answers / (checks × staff). */
  cekJawab: number | null;
  cekMenitMedian: number | null;
  /** Check-ins whose phone sent the duration of the page's last request. */
  jaringanDiukur: number;
  jaringanMedianMs: number | null;
  jaringanP90Ms: number | null;
  /** Check-ins that needed a retry / check-ins. */
  denganUlang: number | null;
  /** Taps made offline and delivered later. */
  luring: number;
}

/** How the check-ins of one kecamatan's ASN reached the server. */
export interface EvaluationNetwork {
  presensi: number;
  /** Check-ins whose phone sent the duration of its last request. */
  diukur: number;
  medianMs: number | null;
  p90Ms: number | null;
  /** Check-ins that needed a retry / check-ins. */
  denganUlang: number | null;
  /** Taps made offline and delivered later. */
  luring: number;
}

export interface EvaluationKecamatan {
  /** null: ASN whose kecamatan the roster does not know. */
  kecamatan: string | null;
  ini: EvaluationNetwork;
  sebelum: EvaluationNetwork;
}

export interface EvaluationPeriod {
  dari: IsoDate;
  sampai: IsoDate;
}

/** This period, the previous one of the same length, and office days (e-presensi) in this period. */
export interface EvaluationFigures {
  ini: EvaluationIndicators;
  sebelum: EvaluationIndicators;
  kantor: EvaluationIndicators;
}

export interface EvaluationOpd extends EvaluationFigures {
  opd: string;
  nama: string;
  /** WFA status today (false: exempt, works from the office). */
  wfa: boolean;
}

export interface EvaluationWeek {
  /** Monday of the week. */
  minggu: IsoDate;
  wfa: { kehadiran: number | null; ketepatan: number | null };
  dikecualikan: { kehadiran: number | null; ketepatan: number | null };
  kantor: { kehadiran: number | null; ketepatan: number | null };
}

/** GET /api/opd/evaluasi: the evaluation of a period (`periode=2026-11` or `2026-Q4`, or `dari`/`sampai`). */
export interface EvaluationView {
  now: Instant;
  regency: string;
  /** `kabupaten`: the admin's view of every OPD; `opd`: one OPD (a head's, or the admin's choice). */
  cakupan: 'kabupaten' | 'opd';
  periode: EvaluationPeriod;
  sebelumnya: EvaluationPeriod;
  /** Only the demo data seeded by `npm start` was found: the page says so on every figure. */
  demo: boolean;
  kelompok: {
    semua: EvaluationFigures & { opd: number };
    wfa: EvaluationFigures & { opd: number };
    dikecualikan: EvaluationFigures & { opd: number };
  };
  opd: EvaluationOpd[];
  mingguan: EvaluationWeek[];
  infrastruktur: {
    /**
     * Network readiness by the kecamatan where the ASN of WFA OPDs live (the roster's
     * `kecamatan`; `kecamatan: null` = not known), sorted by name; empty when the roster knows
     * no kecamatan for the period (the page says so). Exempt OPDs' staff check in from the
     * office, so they are left out.
     */
    perKecamatan: EvaluationKecamatan[];
    /** Whether offline taps delivered later are recorded yet (issue 15). */
    luringTersedia: boolean;
  };
  /** The Survei Kepuasan Masyarakat of the same period (functions/usecases/survey/results.ts); null only if it could not be read. */
  survei: SurveyResults | null;
}

export type EvaluationQuery = { periode?: string; dari?: IsoDate; sampai?: IsoDate; opd?: string };

export type EvaluationCsv = string;

/** PUT /api/opd/{opd}/penilaian/{sesiId}/{nip}: the head's assessment of one output (null: take it back). */
export interface AssessmentInput {
  nilai: Assessment | null;
}

export interface AssessmentMark {
  nilai: Assessment;
  oleh: string;
  at: Instant;
}

export interface AssessmentSaved {
  penilaian: AssessmentMark | null;
}

/** POST /api/admin/epresensi/pratinjau and …/impor: the office e-presensi as CSV, mapped like the roster import. */
export interface OfficeUpload {
  csv: string;
  /** The column of each field (header as in the file); missing ones are matched by their usual names. */
  kolom?: Partial<Record<OfficeField, string | null>>;
  /** The office's start time (`HH:MM`, default 07:30): a `jam masuk` after its minute is late. */
  jamMasuk?: string;
}

export type OfficeField = 'nip' | 'tanggal' | 'masuk' | 'pulang';

export interface OfficeSummary {
  judul: string[];
  kolom: Record<OfficeField, string | null>;
  /** Required fields without a column. */
  kurang: OfficeField[];
  total: number;
  valid: number;
  problems: { line: number; reason: string }[];
  /** The office days found, with the OPDs and people on them. */
  hari: { tanggal: IsoDate; opd: number; hadir: number; terlambat: number }[];
  /** The office's start time the rows were compared with. */
  jamMasuk: string;
}

export interface OfficeImported extends OfficeSummary {
  ditulis: number;
}

export interface EvaluationRoutes {
  'GET /api/opd/evaluasi': Endpoint<{ query: EvaluationQuery }, EvaluationView>;
  'GET /api/opd/evaluasi.csv': Endpoint<{ query: EvaluationQuery }, EvaluationCsv>;
  'PUT /api/opd/{opd}/penilaian/{sesiId}/{nip}': Endpoint<{ params: { opd: string; sesiId: string; nip: string }; body: AssessmentInput }, AssessmentSaved>;
  'POST /api/admin/epresensi/pratinjau': Endpoint<{ body: OfficeUpload }, OfficeSummary>;
  'POST /api/admin/epresensi/impor': Endpoint<{ body: OfficeUpload }, OfficeImported>;
}
