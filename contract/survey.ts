import type { Endpoint, Instant, IsoDate } from './common';

/**
 * The Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017; functions/core/survey.ts): a public
 * page per OPD, reached from a printed QR poster, without a link or login. Its routes are
 * `publik`: the survey function can read an OPD's name and write survey answers, nothing else.
 */

export type SurveyElementId = 'persyaratan' | 'prosedur' | 'waktu' | 'biaya' | 'produk' | 'kompetensi' | 'perilaku' | 'pengaduan' | 'sarana';
export type SurveyGrade = 'A' | 'B' | 'C' | 'D';
export type SurveyAnswerValue = 1 | 2 | 3 | 4;

/** GET /api/survei/{opd}: what the survey page shows (the nine elements with their questions, the scale). */
export interface SurveyForm {
  regency: string;
  opd: { kode: string; nama: string };
  unsur: Array<{ id: SurveyElementId; label: string; tanya: string }>;
  skala: Array<{ nilai: SurveyAnswerValue; label: string }>;
  maxKomentar: number;
}

/**
 * POST /api/survei/{opd}: one answer. `perangkat` is a random id the page keeps in the
 * browser (localStorage); the server stores only its hash salted with the OPD and the day,
 * so one device answers once per OPD per day and answers cannot be linked across days.
 */
export interface SurveyInput {
  perangkat: string;
  jawaban: Record<SurveyElementId, SurveyAnswerValue>;
  komentar?: string;
}

export interface SurveySaved {
  tercatat: true;
  tanggal: IsoDate;
}

/** The figures of a set of answers: count, IKM (25–100, two decimals), grade, NRR per element (1–4). */
export interface SurveyStats {
  jawaban: number;
  ikm: number | null;
  mutu: SurveyGrade | null;
  /** At least `minimumJawaban` answers: below it the page says "terlalu sedikit untuk disimpulkan". */
  cukup: boolean;
  unsur: Array<{ id: SurveyElementId; nrr: number | null }>;
}

export interface SurveyOpdResult {
  kode: string;
  nama: string;
  /** WFA-eligible on `sampai` (false: a public-service OPD exempt from WFA, the comparison group). */
  wfa: boolean;
  semua: SurveyStats;
  /** Answers given on the regency's WFA days (config `wfaDays`, not a holiday). */
  hariWfa: SurveyStats;
  /** Answers given on every other day (office days). */
  hariKantor: SurveyStats;
}

export interface SurveyResults {
  dari: IsoDate;
  sampai: IsoDate;
  minimumJawaban: number;
  /** Present when the period holds the local demo's seeded answers (`npm start`): show "DATA CONTOH". */
  contoh?: true;
  opd: SurveyOpdResult[];
  /** All WFA-eligible OPDs together beside all exempt OPDs. */
  kelompok: { wfa: SurveyStats; dikecualikan: SurveyStats };
}

/** GET /api/opd/{opd}/survei?dari=&sampai=: one OPD's results and the comments it received (newest first, at most 200). */
export interface SurveyReport {
  hasil: SurveyResults;
  komentar: Array<{ date: IsoDate; at: Instant; komentar: string }>;
}

export interface SurveyRoutes {
  'GET /api/survei/{opd}': Endpoint<{ params: { opd: string } }, SurveyForm>;
  'POST /api/survei/{opd}': Endpoint<{ params: { opd: string }; body: SurveyInput }, SurveySaved>;
  'GET /api/opd/{opd}/survei': Endpoint<{ params: { opd: string }; query: { dari?: IsoDate; sampai?: IsoDate } }, SurveyReport>;
}


