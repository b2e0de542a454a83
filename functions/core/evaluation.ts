import type { CheckinStatus } from './checkin';
import { lateFrom } from './checkin';
import type { Excuse, ExcuseKind } from './attendance';
import { EXCUSE_KINDS, excuseOn } from './attendance';
import type { IsoDate } from './time';
import { addDays, mondayOf } from './time';

/**
 * The evaluation of WFA (policy point 6; PermenPANRB 4/2025 Pasal 35: discipline, performance
 * and infrastructure readiness, before and after). The apel clock's close writes one small
 * aggregate per OPD and sesi (`SesiAggregate`); a late excuse or a head's assessment updates
 * it; the evaluation page only adds aggregates up. Nothing here reads one record per ASN-day.
 *
 * Medians and p90 are computed from histograms kept in each aggregate (value → count), so
 * they are exact after adding any number of aggregates (nearest rank: the smallest value
 * with at least ⌈q·n⌉ observations at or below it).
 */

/** A small histogram: integer value (minutes, milliseconds bucket) → count. */
export type Histogram = Record<string, number>;

/** The head's assessment of a day's output (on the sore roll): one tap per ASN, optional. */
export const ASSESSMENTS = ['sesuai', 'sebagian', 'tidak_sesuai'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];
export const ASSESSMENT_LABELS: Record<Assessment, string> = {
  sesuai: 'Sesuai rencana',
  sebagian: 'Sebagian',
  tidak_sesuai: 'Tidak sesuai',
};

/** What the phone measured about how the check-in reached the server (sent with the check-in). */
export interface NetworkReport {
  /** Duration of the page's last request before the check-in, as the phone measured it (ms). */
  ms?: number;
  /** Retries of this check-in before it got through (0: the first attempt). */
  ulang?: number;
  /** The tap was made offline and delivered later (issue 15). */
  luring?: boolean;
}

/**
 * How the check-ins of one kecamatan's ASN reached the server (the kecamatan where they live,
 * core/roster.ts `Asn.kecamatan`): counted only for WFA OPDs, whose staff check in from
 * wherever they work on a WFA day, mostly home; an exempt OPD's staff check in from the
 * office, which says nothing of their kecamatan's network. Durations are counted in the
 * classes of `KEC_CLASSES_MS` (`ms` keyed by a class's upper bound), so that the kecamatan
 * of an OPD cost an aggregate a few hundred bytes, not a histogram each.
 */
export interface KecNetwork {
  presensi: number;
  diukur: number;
  ms: Histogram;
  denganUlang: number;
  luring: number;
}

/** Upper bounds (ms) of the duration classes per kecamatan: 0,25 s … 60 s (durations are capped at 60 s). */
export const KEC_CLASSES_MS = [250, 500, 750, 1000, 1500, 2000, 3000, 5000, 10_000, 20_000, 60_000] as const;

/** The class (its upper bound) of a duration. */
export const kecClass = (ms: number): number => KEC_CLASSES_MS.find((edge) => ms <= edge) ?? 60_000;

/** As an aggregate keeps it: `[presensi, denganUlang, luring, ...count per class of KEC_CLASSES_MS]`. */
export type PackedKecNetwork = number[];

export function packKec(k: KecNetwork): PackedKecNetwork {
  return [k.presensi, k.denganUlang, k.luring, ...KEC_CLASSES_MS.map((edge) => k.ms[edge] ?? 0)];
}

export function unpackKec(p: readonly number[]): KecNetwork {
  const ms: Histogram = {};
  KEC_CLASSES_MS.forEach((edge, i) => {
    const n = p[3 + i] ?? 0;
    if (n > 0) ms[edge] = n;
  });
  return { presensi: p[0] ?? 0, diukur: Object.values(ms).reduce((a, b) => a + b, 0), ms, denganUlang: p[1] ?? 0, luring: p[2] ?? 0 };
}

/** The key of ASN whose kecamatan the roster does not know. */
export const KEC_UNKNOWN = '-';

/** `pagi`/`sore`: an apel (WFA day); `kantor`: an office day from the e-presensi upload. */
export type AggregateSlot = 'pagi' | 'sore' | 'kantor';

export type AbsentCounts = { TK: number } & Record<ExcuseKind, number>;

/** One OPD in one sesi (or office day), as the close (or the e-presensi upload) found it. */
export interface SesiAggregate {
  opd: string;
  /** `YYYY-MM-DD.pagi`, `.sore`, or `.kantor`. */
  sesiId: string;
  date: IsoDate;
  slot: AggregateSlot;
  /** The OPD's WFA status on the date (false: exempt, works from the office). */
  wfa: boolean;
  /** Seeded demo data (npm start): never added to real figures. */
  demo: boolean;
  expected: number;
  hadir: number;
  terlambat: number;
  /** NIPs of the expected ASN without a check-in, so a late excuse can reclassify them. */
  absen: string[];
  /** The absent ones, with the excuses known now. */
  tanpaHadir: AbsentCounts;
  /** Minutes late of each late check-in. */
  telat: Histogram;
  /** Check-ins with a work plan (pagi) or an output (sore). */
  laporan: number;
  /** Sore: the heads' assessments of the outputs. */
  nilai: Record<Assessment, number>;
  /** How check-ins reached the server. */
  jaringan: { diukur: number; ms: Histogram; denganUlang: number; ulang: number; luring: number };
  /**
   * The same by the kecamatan where each ASN lives (`KEC_UNKNOWN`: not known): only for a WFA
   * OPD's apel, and only when the roster knows the kecamatan of someone on its staff.
   */
  jaringanKec?: Record<string, PackedKecNetwork>;
  /** Sore (one per day): the OPD's readiness checks of the day. */
  cek: { diadakan: number; diminta: number; dijawab: number; menit: Histogram } | null;
}

export interface CheckinFacts {
  status: CheckinStatus;
  at: string;
  laporan?: string | undefined;
  penilaian?: { nilai: Assessment } | undefined;
  jaringan?: NetworkReport | undefined;
  /** A tap kept on the phone without network and delivered later (issue 15), and the time it was made. */
  luring?: boolean | undefined;
  ketukPada?: string | undefined;
}

export function emptyAbsent(): AbsentCounts {
  return { TK: 0, izin: 0, sakit: 0, cuti: 0, dinas_luar: 0, tugas_belajar: 0 };
}

const emptyNilai = (): Record<Assessment, number> => ({ sesuai: 0, sebagian: 0, tidak_sesuai: 0 });

export function add(h: Histogram, value: number, count = 1): void {
  const k = String(value);
  h[k] = (h[k] ?? 0) + count;
}

export function merge(into: Histogram, from: Histogram): Histogram {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
  return into;
}

/** Nearest-rank quantile of a histogram, or null when it is empty. */
export function quantile(h: Histogram, q: number): number | null {
  const entries = Object.entries(h)
    .map(([k, n]) => [Number(k), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [v, n] of entries) {
    seen += n;
    if (seen >= rank) return v;
  }
  return entries[entries.length - 1]![0];
}

/** Minutes late: 1 for a tap in the first late minute (07:31:xx after "on time until 07:30"). */
export function minutesLate(at: Date, onTimeUntil: Date): number {
  return Math.max(1, Math.floor((at.getTime() - lateFrom(onTimeUntil.getTime())) / 60_000) + 1);
}

/** The phone's duration, kept to 100 ms up to 10 s, to the second up to 60 s (longer: 60 s). */
export function durationBucket(ms: number): number {
  const v = Math.max(0, Math.min(60_000, Math.round(ms)));
  return v <= 10_000 ? Math.ceil(v / 100) * 100 : Math.ceil(v / 1000) * 1000;
}

/** The absent ones classified with the excuses known now: an excuse's kind, else TK. */
export function classifyAbsent(absen: readonly string[], excuses: readonly Excuse[], date: IsoDate): AbsentCounts {
  const counts = emptyAbsent();
  for (const nip of absen) {
    const e = excuseOn(excuses, nip, date);
    counts[e ? e.jenis : 'TK']++;
  }
  return counts;
}

/**
 * The aggregate of one OPD in one closed sesi: `staff` as the close found them, `checkins`
 * by NIP (anyone not on `staff` is ignored, as the recap does), the OPD's excuses.
 */
export function aggregateSesi(input: {
  opd: string;
  sesi: { id: string; date: IsoDate; slot: 'pagi' | 'sore'; onTimeUntil: Date };
  wfa: boolean;
  demo?: boolean;
  staff: readonly { nip: string; kecamatan?: string | undefined }[];
  checkins: ReadonlyMap<string, CheckinFacts>;
  excuses: readonly Excuse[];
  readiness?: SesiAggregate['cek'];
}): SesiAggregate {
  const { sesi } = input;
  const agg: SesiAggregate = {
    opd: input.opd,
    sesiId: sesi.id,
    date: sesi.date,
    slot: sesi.slot,
    wfa: input.wfa,
    demo: input.demo ?? false,
    expected: input.staff.length,
    hadir: 0,
    terlambat: 0,
    absen: [],
    tanpaHadir: emptyAbsent(),
    telat: {},
    laporan: 0,
    nilai: emptyNilai(),
    jaringan: { diukur: 0, ms: {}, denganUlang: 0, ulang: 0, luring: 0 },
    cek: sesi.slot === 'sore' ? (input.readiness ?? { diadakan: 0, diminta: 0, dijawab: 0, menit: {} }) : null,
  };
  const byKec: Record<string, KecNetwork> | undefined = input.wfa && input.staff.some((a) => a.kecamatan) ? {} : undefined;
  for (const { nip, kecamatan } of input.staff) {
    const c = input.checkins.get(nip);
    if (!c) {
      agg.absen.push(nip);
      continue;
    }
    if (byKec) addNetwork((byKec[kecamatan || KEC_UNKNOWN] ??= emptyKecNetwork()), c);
    if (c.status === 'hadir') agg.hadir++;
    else {
      agg.terlambat++;
      add(agg.telat, minutesLate(new Date(c.ketukPada ?? c.at), sesi.onTimeUntil));
    }
    if (c.laporan) agg.laporan++;
    if (c.penilaian) agg.nilai[c.penilaian.nilai]++;
    const j = c.jaringan;
    if (j?.ms !== undefined) {
      agg.jaringan.diukur++;
      add(agg.jaringan.ms, durationBucket(j.ms));
    }
    if (j?.ulang) {
      agg.jaringan.denganUlang++;
      agg.jaringan.ulang += j.ulang;
    }
    if (c.luring || j?.luring) agg.jaringan.luring++;
  }
  agg.tanpaHadir = classifyAbsent(agg.absen, input.excuses, sesi.date);
  if (byKec) agg.jaringanKec = Object.fromEntries(Object.entries(byKec).map(([name, k]) => [name, packKec(k)]));
  return agg;
}

export const emptyKecNetwork = (): KecNetwork => ({ presensi: 0, diukur: 0, ms: {}, denganUlang: 0, luring: 0 });

function addNetwork(k: KecNetwork, c: CheckinFacts): void {
  k.presensi++;
  if (c.jaringan?.ms !== undefined) {
    k.diukur++;
    add(k.ms, kecClass(durationBucket(c.jaringan.ms)));
  }
  if (c.jaringan?.ulang) k.denganUlang++;
  if (c.luring || c.jaringan?.luring) k.luring++;
}

/** Adds one kecamatan's figures (or an aggregate's whole network, for ASN of unknown kecamatan). */
export function mergeKecNetwork(into: KecNetwork, from: KecNetwork): KecNetwork {
  into.presensi += from.presensi;
  into.diukur += from.diukur;
  merge(into.ms, from.ms);
  into.denganUlang += from.denganUlang;
  into.luring += from.luring;
  return into;
}

/** Readiness checks of one OPD on one day: checks held, answers asked and given, minutes to answer. */
export function readinessOfDay(
  checks: readonly { mulai: string; answers: readonly { at: string }[] }[],
  staffCount: number,
): NonNullable<SesiAggregate['cek']> {
  const cek = { diadakan: checks.length, diminta: checks.length * staffCount, dijawab: 0, menit: {} as Histogram };
  for (const c of checks) {
    for (const a of c.answers) {
      cek.dijawab++;
      add(cek.menit, Math.max(0, Math.ceil((Date.parse(a.at) - Date.parse(c.mulai)) / 60_000)));
    }
  }
  return cek;
}

/** An office day of one OPD from the regency's e-presensi: who came, on time or late (minutes). */
export function aggregateOfficeDay(input: {
  opd: string;
  date: IsoDate;
  wfa: boolean;
  staff: readonly { nip: string }[];
  /** Minutes after the office's start time of each ASN's `jam masuk` (≤ 0: on time). */
  masuk: ReadonlyMap<string, number>;
  excuses: readonly Excuse[];
}): SesiAggregate {
  const agg: SesiAggregate = {
    opd: input.opd,
    sesiId: `${input.date}.kantor`,
    date: input.date,
    slot: 'kantor',
    wfa: input.wfa,
    demo: false,
    expected: input.staff.length,
    hadir: 0,
    terlambat: 0,
    absen: [],
    tanpaHadir: emptyAbsent(),
    telat: {},
    laporan: 0,
    nilai: emptyNilai(),
    jaringan: { diukur: 0, ms: {}, denganUlang: 0, ulang: 0, luring: 0 },
    cek: null,
  };
  for (const { nip } of input.staff) {
    const late = input.masuk.get(nip);
    if (late === undefined) agg.absen.push(nip);
    else if (late <= 0) agg.hadir++;
    else {
      agg.terlambat++;
      add(agg.telat, late);
    }
  }
  agg.tanpaHadir = classifyAbsent(agg.absen, input.excuses, input.date);
  return agg;
}

// ---------------------------------------------------------------------------------------------
// Adding aggregates up.

/** The totals of some aggregates, before they become ratios. */
export interface Totals {
  sesi: number;
  /** The dates of the aggregates added (apel days, or office days). */
  dates: Set<IsoDate>;
  expected: number;
  H: number;
  TL: number;
  TK: number;
  I: number;
  S: number;
  C: number;
  DL: number;
  TB: number;
  DB: number;
  telat: Histogram;
  pagi: number;
  pagiLaporan: number;
  sore: number;
  soreLaporan: number;
  nilai: Record<Assessment, number>;
  cekDiadakan: number;
  cekDiminta: number;
  cekDijawab: number;
  cekMenit: Histogram;
  jaringanDiukur: number;
  jaringanMs: Histogram;
  checkins: number;
  denganUlang: number;
  luring: number;
}

export function emptyTotals(): Totals {
  return {
    sesi: 0, dates: new Set(), expected: 0, H: 0, TL: 0, TK: 0, I: 0, S: 0, C: 0, DL: 0, TB: 0, DB: 0, telat: {},
    pagi: 0, pagiLaporan: 0, sore: 0, soreLaporan: 0, nilai: emptyNilai(),
    cekDiadakan: 0, cekDiminta: 0, cekDijawab: 0, cekMenit: {},
    jaringanDiukur: 0, jaringanMs: {}, checkins: 0, denganUlang: 0, luring: 0,
  };
}

/**
 * Adds one aggregate. `freed`: the admin declared the sesi free of consequences
 * (disruption `bebaskan`): its check-ins all count as on time and its absent ASN without
 * an excuse as DB, as the recaps show them.
 */
export function addAggregate(t: Totals, a: SesiAggregate, freed = false): Totals {
  const checkins = a.hadir + a.terlambat;
  t.sesi++;
  t.dates.add(a.date);
  t.expected += a.expected;
  t.H += freed ? checkins : a.hadir;
  t.TL += freed ? 0 : a.terlambat;
  if (!freed) merge(t.telat, a.telat);
  if (freed) t.DB += a.tanpaHadir.TK;
  else t.TK += a.tanpaHadir.TK;
  t.I += a.tanpaHadir.izin;
  t.S += a.tanpaHadir.sakit;
  t.C += a.tanpaHadir.cuti;
  t.DL += a.tanpaHadir.dinas_luar;
  t.TB += a.tanpaHadir.tugas_belajar;
  if (a.slot === 'pagi') {
    t.pagi += checkins;
    t.pagiLaporan += a.laporan;
  } else if (a.slot === 'sore') {
    t.sore += checkins;
    t.soreLaporan += a.laporan;
    for (const k of ASSESSMENTS) t.nilai[k] += a.nilai[k];
  }
  if (a.cek) {
    t.cekDiadakan += a.cek.diadakan;
    t.cekDiminta += a.cek.diminta;
    t.cekDijawab += a.cek.dijawab;
    merge(t.cekMenit, a.cek.menit);
  }
  if (a.slot !== 'kantor') {
    t.checkins += checkins;
    t.jaringanDiukur += a.jaringan.diukur;
    merge(t.jaringanMs, a.jaringan.ms);
    t.denganUlang += a.jaringan.denganUlang;
    t.luring += a.jaringan.luring;
  }
  return t;
}

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/** The figures the page shows, each with how it is computed (README, the printed report). */
export interface Indicators {
  sesi: number;
  /** Distinct days (apel days, or office days). */
  hari: number;
  expected: number;
  kode: { H: number; TL: number; TK: number; I: number; S: number; C: number; DL: number; TB: number; DB: number };
  /** (H + TL) / expected. */
  kehadiran: number | null;
  /** H / (H + TL). */
  ketepatan: number | null;
  /** TK / expected. */
  tk: number | null;
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
  jaringanDiukur: number;
  jaringanMedianMs: number | null;
  jaringanP90Ms: number | null;
  /** Check-ins that needed a retry / check-ins. */
  denganUlang: number | null;
  luring: number;
}

export function indicators(t: Totals): Indicators {
  const nilaiTotal = ASSESSMENTS.reduce((s, k) => s + t.nilai[k], 0);
  return {
    sesi: t.sesi,
    hari: t.dates.size,
    expected: t.expected,
    kode: { H: t.H, TL: t.TL, TK: t.TK, I: t.I, S: t.S, C: t.C, DL: t.DL, TB: t.TB, DB: t.DB },
    kehadiran: ratio(t.H + t.TL, t.expected),
    ketepatan: ratio(t.H, t.H + t.TL),
    tk: ratio(t.TK, t.expected),
    telatMedian: quantile(t.telat, 0.5),
    telatP90: quantile(t.telat, 0.9),
    rencana: ratio(t.pagiLaporan, t.pagi),
    hasil: ratio(t.soreLaporan, t.sore),
    nilai: { ...t.nilai },
    dinilai: ratio(nilaiTotal, t.sore),
    cekDiadakan: t.cekDiadakan,
    cekJawab: ratio(t.cekDijawab, t.cekDiminta),
    cekMenitMedian: quantile(t.cekMenit, 0.5),
    jaringanDiukur: t.jaringanDiukur,
    jaringanMedianMs: quantile(t.jaringanMs, 0.5),
    jaringanP90Ms: quantile(t.jaringanMs, 0.9),
    denganUlang: ratio(t.denganUlang, t.checkins),
    luring: t.luring,
  };
}

// ---------------------------------------------------------------------------------------------
// Periods.

export const MAX_PERIOD_DAYS = 366;

export interface Period {
  dari: IsoDate;
  sampai: IsoDate;
}

export function daysIn(p: Period): number {
  return Math.round((Date.parse(`${p.sampai}T00:00:00Z`) - Date.parse(`${p.dari}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The period of the same length just before. */
export function previousPeriod(p: Period): Period {
  const n = daysIn(p);
  return { dari: addDays(p.dari, -n), sampai: addDays(p.dari, -1) };
}

/** A problem with a period the user chose, in Indonesian, or undefined. */
export function periodProblem(p: Period): string | undefined {
  if (p.sampai < p.dari) return 'Tanggal "sampai" tidak boleh sebelum tanggal "dari".';
  if (daysIn(p) > MAX_PERIOD_DAYS) return `Periode evaluasi paling panjang ${MAX_PERIOD_DAYS} hari (satu tahun).`;
  return undefined;
}

/** A calendar month (`2026-11`) or quarter (`2026-Q4`) as a period. */
export function namedPeriod(name: string): Period | undefined {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(name);
  if (month) {
    const dari = `${month[1]}-${month[2]}-01`;
    return { dari, sampai: addDays(nextMonth(dari), -1) };
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(name);
  if (quarter) {
    const m = (Number(quarter[2]) - 1) * 3 + 1;
    const dari = `${quarter[1]}-${String(m).padStart(2, '0')}-01`;
    return { dari, sampai: addDays(nextMonth(nextMonth(nextMonth(dari))), -1) };
  }
  return undefined;
}

function nextMonth(first: IsoDate): IsoDate {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The months (`YYYY-MM`) a period touches: the aggregates' partitions. */
export function monthsOf(p: Period): string[] {
  const months: string[] = [];
  for (let d = `${p.dari.slice(0, 7)}-01`; d <= p.sampai; d = nextMonth(d)) months.push(d.slice(0, 7));
  return months;
}

// ---------------------------------------------------------------------------------------------
// The evaluation: periods × groups × OPDs, and the weekly trend.

export type Group = 'semua' | 'wfa' | 'dikecualikan';

export interface OpdFigures {
  opd: string;
  wfa: boolean;
  ini: Indicators;
  sebelum: Indicators;
  kantor: Indicators;
}

export interface WeekFigures {
  minggu: IsoDate;
  wfa: { kehadiran: number | null; ketepatan: number | null };
  dikecualikan: { kehadiran: number | null; ketepatan: number | null };
  kantor: { kehadiran: number | null; ketepatan: number | null };
}

/** Network figures of one kecamatan (KecNetwork added up). */
export interface NetIndicators {
  presensi: number;
  diukur: number;
  /** The class (its upper bound, ms: KEC_CLASSES_MS) holding the median, and the 90th percentile. */
  medianMs: number | null;
  p90Ms: number | null;
  /** Check-ins that needed a retry / check-ins. */
  denganUlang: number | null;
  luring: number;
}

export interface KecFigures {
  /** null: ASN whose kecamatan the roster does not know. */
  kecamatan: string | null;
  ini: NetIndicators;
  sebelum: NetIndicators;
}

export function netIndicators(k: KecNetwork): NetIndicators {
  return {
    presensi: k.presensi,
    diukur: k.diukur,
    medianMs: quantile(k.ms, 0.5),
    p90Ms: quantile(k.ms, 0.9),
    denganUlang: ratio(k.denganUlang, k.presensi),
    luring: k.luring,
  };
}

export interface Evaluation {
  periode: Period;
  sebelumnya: Period;
  /** Only seeded demo data was found for these periods (a fresh `npm start`): the page says so. */
  demo: boolean;
  kelompok: Record<Group, { ini: Indicators; sebelum: Indicators; kantor: Indicators; opd: number }>;
  opd: OpdFigures[];
  mingguan: WeekFigures[];
  /**
   * Network readiness by the kecamatan where the ASN of WFA OPDs live (sorted by name, the
   * unknown last); empty when the roster knows no kecamatan in the aggregates of the period.
   */
  kecamatan: KecFigures[];
}

/**
 * Adds the aggregates up. Real and demo data never mix: when any real aggregate is in
 * the two periods, demo ones are left out; only when there is no real one at all (a fresh
 * local start) are demo ones used, and `demo` says so. `freed`: sesi the admin freed.
 */
export function evaluate(
  period: Period,
  aggregates: readonly SesiAggregate[],
  opds: readonly { kode: string; wfa: boolean }[],
  freed: ReadonlySet<string> = new Set(),
): Evaluation {
  const before = previousPeriod(period);
  const inRange = (a: SesiAggregate, p: Period) => p.dari <= a.date && a.date <= p.sampai;
  const relevant = aggregates.filter((a) => inRange(a, period) || inRange(a, before));
  const anyReal = relevant.some((a) => !a.demo);
  const used = relevant.filter((a) => a.demo === !anyReal);

  const totals = () => ({ ini: emptyTotals(), sebelum: emptyTotals(), kantor: emptyTotals() });
  const byGroup: Record<Group, ReturnType<typeof totals>> = { semua: totals(), wfa: totals(), dikecualikan: totals() };
  const byOpd = new Map(opds.map((o) => [o.kode, totals()]));
  const opdsSeen: Record<Group, Set<string>> = { semua: new Set(), wfa: new Set(), dikecualikan: new Set() };
  const weeks = new Map<IsoDate, Record<'wfa' | 'dikecualikan' | 'kantor', Totals>>();
  const wfaNow = new Map(opds.map((o) => [o.kode, o.wfa]));
  const kec = new Map<string, { ini: KecNetwork; sebelum: KecNetwork }>();
  let kecKnown = false;

  for (const a of used) {
    const perOpd = byOpd.get(a.opd);
    if (!perOpd) continue;
    const which = inRange(a, period) ? 'ini' : 'sebelum';
    const part = a.slot === 'kantor' ? (which === 'ini' ? 'kantor' : undefined) : which;
    const group: Group = a.wfa ? 'wfa' : 'dikecualikan';
    const isFreed = freed.has(a.sesiId);
    if (a.wfa && a.slot !== 'kantor') {
      kecKnown ||= a.jaringanKec !== undefined;
      // An aggregate without the split (the roster knew no kecamatan in the OPD): all its staff unknown.
      const whole = (): KecNetwork => {
        const ms: Histogram = {};
        for (const [v, n] of Object.entries(a.jaringan.ms)) add(ms, kecClass(Number(v)), n);
        return { presensi: a.hadir + a.terlambat, diukur: a.jaringan.diukur, ms, denganUlang: a.jaringan.denganUlang, luring: a.jaringan.luring };
      };
      const parts = a.jaringanKec ? Object.entries(a.jaringanKec).map(([n, p]) => [n, unpackKec(p)] as const) : [[KEC_UNKNOWN, whole()] as const];
      for (const [name, k] of parts) {
        const both = kec.get(name) ?? { ini: emptyKecNetwork(), sebelum: emptyKecNetwork() };
        mergeKecNetwork(both[which], k);
        kec.set(name, both);
      }
    }
    if (part) {
      for (const t of [perOpd[part], byGroup.semua[part], byGroup[group][part]]) addAggregate(t, a, isFreed);
      if (which === 'ini') {
        opdsSeen.semua.add(a.opd);
        opdsSeen[group].add(a.opd);
      }
    }
    if (which === 'ini') {
      const week = mondayOf(a.date);
      const w = weeks.get(week) ?? { wfa: emptyTotals(), dikecualikan: emptyTotals(), kantor: emptyTotals() };
      addAggregate(a.slot === 'kantor' ? w.kantor : w[group], a, isFreed);
      weeks.set(week, w);
    }
  }
  const figures = (g: ReturnType<typeof totals>) => ({ ini: indicators(g.ini), sebelum: indicators(g.sebelum), kantor: indicators(g.kantor) });
  const trend = (t: Totals) => ({ kehadiran: ratio(t.H + t.TL, t.expected), ketepatan: ratio(t.H, t.H + t.TL) });
  return {
    periode: period,
    sebelumnya: before,
    demo: used.length > 0 && !anyReal,
    kelompok: {
      semua: { ...figures(byGroup.semua), opd: opdsSeen.semua.size },
      wfa: { ...figures(byGroup.wfa), opd: opdsSeen.wfa.size },
      dikecualikan: { ...figures(byGroup.dikecualikan), opd: opdsSeen.dikecualikan.size },
    },
    opd: opds.map((o) => ({ opd: o.kode, wfa: wfaNow.get(o.kode) ?? true, ...figures(byOpd.get(o.kode) ?? totals()) })),
    mingguan: [...weeks.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([minggu, w]) => ({ minggu, wfa: trend(w.wfa), dikecualikan: trend(w.dikecualikan), kantor: trend(w.kantor) })),
    kecamatan: kecKnown
      ? [...kec.entries()]
          .sort(([a], [b]) => Number(a === KEC_UNKNOWN) - Number(b === KEC_UNKNOWN) || a.localeCompare(b, 'id'))
          .map(([name, k]) => ({ kecamatan: name === KEC_UNKNOWN ? null : name, ini: netIndicators(k.ini), sebelum: netIndicators(k.sebelum) }))
      : [],
  };
}

/** Every excuse kind, for the page's table of excuses by kind. */
export const ABSENT_KINDS = ['TK', ...EXCUSE_KINDS] as const;
