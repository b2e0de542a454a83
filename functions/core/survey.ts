/**
 * The Survei Kepuasan Masyarakat (SKM) of Peraturan Menteri PAN-RB Nomor 14 Tahun 2017
 * tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan
 * Publik: nine standard elements (unsur), each answered on a perception scale of 1–4,
 * the mean per element (NRR, nilai rata-rata), the weighted mean over the nine with an
 * equal weight of 1/9 each, and the index IKM = weighted mean × 25 (a number 25–100),
 * converted to a grade (mutu pelayanan) with the Lampiran's table of nilai persepsi, nilai
 * interval, nilai interval konversi, mutu pelayanan and kinerja unit pelayanan:
 *
 * | nilai persepsi | nilai interval (NI) | nilai interval konversi (NIK) | mutu pelayanan (x) | kinerja unit pelayanan (y) |
 * |---|---|---|---|---|
 * | 1 | 1,00 – 2,5996 | 25,00 – 64,99 | D | Tidak baik |
 * | 2 | 2,60 – 3,064 | 65,00 – 76,60 | C | Kurang baik |
 * | 3 | 3,0644 – 3,532 | 76,61 – 88,30 | B | Baik |
 * | 4 | 3,5324 – 4,00 | 88,31 – 100,00 | A | Sangat baik |
 *
 * Two tables in one: NI is the interval of the weighted mean of the NRR (on the 1–4 scale of
 * the answers), NIK the same interval × 25, on the scale of the IKM (25–100): 2,5996 × 25 =
 * 64,99, 3,064 × 25 = 76,60, 3,5324 × 25 = 88,31. The IKM is graded on its NIK value rounded
 * to two decimals, as the regulation reports it (so 76,605 is 76,61 and a B), which also
 * settles a mean that falls in NI's gaps (between 2,5996 and 2,60, 3,064 and 3,0644, 3,532
 * and 3,5324).
 *
 * Source: Peraturan Menteri PANRB Nomor 14 Tahun 2017, Lampiran. The
 * regulation's own text could not be reached from where this was written; the table is quoted
 * as units reproduce it in their published SKM reports, which agree: Disdukcapil Kabupaten
 * Tulang Bawang Barat, "Laporan Survey Kepuasan Masyarakat (SKM)" 2023 semester 1
 * (https://e-smile.tubaba.go.id/main/skm/laporan/online: "A (Sangat Baik) = 88,31 - 100,00,
 * B (Baik) = 76,61 - 88,30, C (Kurang Baik) = 65,00 - 76,60, D (Tidak Baik) = 25,00 - 64,99"),
 * and BPPP Tegal, Buku Kinerja BLU 2024, IKU 10 (the whole NI/NIK table above; it misprints
 * C's upper NIK as 76,66, which its own NI 3,064 × 25 = 76,60 corrects). Not to be confused
 * with the intervals of the older KepmenPAN 25/2004 (1,00–1,75 / 1,76–2,50 / 2,51–3,25 /
 * 3,26–4,00; 25–43,75 / 43,76–62,50 / 62,51–81,25 / 81,26–100), which 14/2017 replaced.
 *
 * Pure: no AWS, no clock. A response holds no personal data: nine numbers, an optional
 * comment, the OPD and the day.
 */

export const SURVEY_ELEMENTS = [
  { id: 'persyaratan', label: 'Persyaratan', tanya: 'Bagaimana pendapat Anda tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?' },
  { id: 'prosedur', label: 'Sistem, mekanisme, dan prosedur', tanya: 'Bagaimana pemahaman Anda tentang kemudahan prosedur pelayanan di unit ini?' },
  { id: 'waktu', label: 'Waktu penyelesaian', tanya: 'Bagaimana pendapat Anda tentang kecepatan waktu dalam memberikan pelayanan?' },
  { id: 'biaya', label: 'Biaya/tarif', tanya: 'Bagaimana pendapat Anda tentang kewajaran biaya/tarif dalam pelayanan?' },
  { id: 'produk', label: 'Produk spesifikasi jenis pelayanan', tanya: 'Bagaimana pendapat Anda tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?' },
  { id: 'kompetensi', label: 'Kompetensi pelaksana', tanya: 'Bagaimana pendapat Anda tentang kompetensi/kemampuan petugas dalam pelayanan?' },
  { id: 'perilaku', label: 'Perilaku pelaksana', tanya: 'Bagaimana pendapat Anda tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?' },
  { id: 'pengaduan', label: 'Penanganan pengaduan, saran dan masukan', tanya: 'Bagaimana pendapat Anda tentang penanganan pengaduan pengguna layanan?' },
  { id: 'sarana', label: 'Sarana dan prasarana', tanya: 'Bagaimana pendapat Anda tentang kualitas sarana dan prasarana?' },
] as const;

export type SurveyElementId = (typeof SURVEY_ELEMENTS)[number]['id'];
export const SURVEY_ELEMENT_IDS = SURVEY_ELEMENTS.map((e) => e.id) as SurveyElementId[];

/** The four answers of the perception scale, worst to best (the regulation's wording differs per element; these fit every one). */
export const SURVEY_SCALE = [
  { nilai: 1, label: 'Tidak baik' },
  { nilai: 2, label: 'Kurang baik' },
  { nilai: 3, label: 'Baik' },
  { nilai: 4, label: 'Sangat baik' },
] as const;

export type SurveyGrade = 'A' | 'B' | 'C' | 'D';

export const GRADE_LABELS: Record<SurveyGrade, string> = { A: 'Sangat baik', B: 'Baik', C: 'Kurang baik', D: 'Tidak baik' };

/** The lower bound of each grade on the IKM (NIK) scale, from the table above. */
export const GRADE_FROM: ReadonlyArray<readonly [SurveyGrade, number]> = [
  ['A', 88.31],
  ['B', 76.61],
  ['C', 65.0],
  ['D', 25.0],
];

/**
 * Below this many responses in a period an OPD's IKM is shown but marked "terlalu sedikit
 * untuk disimpulkan". The regulation sizes samples by the population served (Krejcie and
 * Morgan: e.g. 28 for a population of 30, 80 for 100); an OPD's yearly visitors are not known
 * here, so 30 is the smallest sample its table gives for a population of a few dozen, and
 * the usual minimum for a mean to be read at all.
 */
export const MIN_RESPONSES = 30;

/** A comment is optional and at most this many characters (after NFC and trimming). */
export const MAX_COMMENT_CHARS = 500;

/**
 * At most this many responses per OPD per minute (the survey's flood bound: a service desk's
 * queue answers far fewer; a script with fresh device ids is stopped here).
 */
export const MAX_RESPONSES_PER_MINUTE = 30;

/** Running sums of a set of responses: their number and the sum of each element's answers. */
export interface SurveyTally {
  n: number;
  sums: Record<SurveyElementId, number>;
}

export function emptyTally(): SurveyTally {
  return { n: 0, sums: Object.fromEntries(SURVEY_ELEMENT_IDS.map((id) => [id, 0])) as Record<SurveyElementId, number> };
}

export function addTally(into: SurveyTally, more: SurveyTally): SurveyTally {
  into.n += more.n;
  for (const id of SURVEY_ELEMENT_IDS) into.sums[id] += more.sums[id];
  return into;
}

/** The tally of single responses (each nine answers 1–4). */
export function tallyOf(responses: Iterable<Record<SurveyElementId, number>>): SurveyTally {
  const t = emptyTally();
  for (const r of responses) {
    t.n++;
    for (const id of SURVEY_ELEMENT_IDS) t.sums[id] += r[id];
  }
  return t;
}

/** Whether one answer is a value of the scale (an integer 1–4). */
export function isAnswer(value: unknown): value is 1 | 2 | 3 | 4 {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** NRR per element: the mean answer (1–4), or null without responses. */
export function elementMeans(t: SurveyTally): Record<SurveyElementId, number | null> {
  return Object.fromEntries(SURVEY_ELEMENT_IDS.map((id) => [id, t.n === 0 ? null : t.sums[id] / t.n])) as Record<SurveyElementId, number | null>;
}

/** IKM = Σ (NRR × 1/9) × 25, rounded to two decimals (25,00–100,00), or null without responses. */
export function ikmOf(t: SurveyTally): number | null {
  if (t.n === 0) return null;
  const weighted = SURVEY_ELEMENT_IDS.reduce((sum, id) => sum + (t.sums[id] / t.n) * (1 / SURVEY_ELEMENT_IDS.length), 0);
  return round(weighted * 25, 2);
}

/** The grade (mutu pelayanan) of an IKM, on its value rounded to two decimals. */
export function gradeOf(ikm: number): SurveyGrade {
  const value = round(ikm, 2);
  for (const [grade, from] of GRADE_FROM) if (value >= from) return grade;
  return 'D';
}

export interface SurveyStats {
  jawaban: number;
  ikm: number | null;
  mutu: SurveyGrade | null;
  /** Enough responses to draw a conclusion (at least MIN_RESPONSES). */
  cukup: boolean;
  unsur: Array<{ id: SurveyElementId; nrr: number | null }>;
}

/** What a page shows of a tally: count, IKM, grade, NRR per element (3 decimals), and whether there are enough responses. */
export function surveyStats(t: SurveyTally, minimum = MIN_RESPONSES): SurveyStats {
  const ikm = ikmOf(t);
  const means = elementMeans(t);
  return {
    jawaban: t.n,
    ikm,
    mutu: ikm === null ? null : gradeOf(ikm),
    cukup: t.n >= minimum,
    unsur: SURVEY_ELEMENT_IDS.map((id) => ({ id, nrr: means[id] === null ? null : round(means[id], 3) })),
  };
}
