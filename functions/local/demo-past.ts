import type { Excuse, ExcuseKind } from '../core/attendance';
import type { ApelConfig } from '../core/config';
import type { Assessment, CheckinFacts, SesiAggregate } from '../core/evaluation';
import { ASSESSMENTS, aggregateOfficeDay, aggregateSesi, readinessOfDay } from '../core/evaluation';
import { wfaOn } from '../core/opd';
import { compactTime } from '../core/readiness';
import { recapOpd } from '../core/recap';
import type { Asn, Opd } from '../core/roster';
import type { SesiPlan } from '../core/sesi';
import { plannedSesi } from '../core/sesi';
import type { IsoDate } from '../core/time';
import { addDays, localDate, mondayOf, weekdayOf } from '../core/time';
import type { Item } from '../store/batch';
import { batchWrite } from '../store/batch';
import { putAggregates } from '../store/evaluation-store';
import { listAsnOfOpd, listOpds } from '../store/roster-store';
import { closeSesi, markRecapFinal, openSesi } from '../store/sesi-store';
import { calendarBetween } from '../store/special-day-store';
import { keys, tableName } from '../store/tables';
import { seedDemoSurvey } from './demo-survey';

/**
 * `npm start`'s plausible past, so that a newcomer sees the evaluation, the recaps and the
 * TPP month filled in: the last eight weeks of apel (by the config and the holiday
 * calendar), each closed with its recaps (late ones, absences, excuses) and the
 * evaluation's aggregates (work plans and outputs, the heads' assessments, readiness
 * checks, network), computed by the same core functions as a real close
 * (core/recap.ts, core/evaluation.ts). Only on the first start, with the demo roster.
 *
 * The individual records behind them are written too, from the same simulated facts, so
 * every page agrees: each check-in (on time or late, a late ASN's reason, a work plan or an
 * output, the head's assessment with who and when, how the phone's request went, a tap kept
 * on the phone and delivered later), each readiness check and each answer to it. The ASN's
 * history and week, the heads' past rolls and readiness list, the recaps, the TPP month and
 * the evaluation all show one past. The office days between the WFA days get the e-presensi
 * aggregates an upload would write, so the evaluation has office days beside WFA days.
 *
 * About 70,000 check-ins for the demo roster, which DynamoDB Local takes a few hundred a
 * second: the recaps, aggregates and survey answers are written before this returns, the
 * records (office days first, then the last seven days' check-ins and readiness answers,
 * then the older ones, newest first) with `detailsLater` after it (npm start: once the
 * server is up, with a line when done), else before it returns too.
 *
 * Clearly demo: every aggregate, check-in and readiness check is marked `demo`, texts say
 * "(contoh)", so the evaluation says "DATA CONTOH" and never adds these to a real apel's
 * figures (core/evaluation.ts `evaluate`); the seed runs only on `npm start`'s first start,
 * never on AWS. Deterministic (a fixed seed), so every fresh start shows the same past.
 *
 * Survey answers (issue 10b) are added by their own seeding function (demo-survey.ts), called below.
 */

export const DEMO_WEEKS = 8;

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EXCUSES: readonly ExcuseKind[] = ['sakit', 'izin', 'cuti', 'dinas_luar', 'sakit', 'dinas_luar'];

export interface SeededPast {
  sesi: number;
  aggregates: number;
  excuses: number;
  /** Survey answers seeded by functions/local/demo-survey.ts (issue 10b). */
  answers: number;
  /** Check-in items, readiness checks and their answers. */
  checkins: number;
  readinessChecks: number;
  readinessAnswers: number;
  /** Office days (e-presensi) seeded beside the WFA days. */
  officeDays: number;
  /** Done when every record is written: at once, or with `detailsLater` the older ones after this returns. */
  details: Promise<void>;
  from: IsoDate;
  to: IsoDate;
}

/**
 * Seeds the past `DEMO_WEEKS` weeks before `now`'s date (today itself is left to the real
 * clock). `detailsLater`: write the check-ins and readiness records older than seven days
 * after returning (`details` says when they are in).
 */
export async function seedDemoPast(config: ApelConfig, now: Date, options: { detailsLater?: boolean } = {}): Promise<SeededPast> {
  const today = localDate(now, config.timeZone);
  const from = addDays(today, -DEMO_WEEKS * 7);
  const to = addDays(today, -1);
  const { holidays, specialDays } = await calendarBetween(from, to);
  const plans: SesiPlan[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) plans.push(...plannedSesi(d, config, holidays.get(d), specialDays.get(d)));

  const opds = await listOpds();
  const staff = new Map<string, Asn[]>(await Promise.all(opds.map(async (o) => [o.kode, await listAsnOfOpd(o.kode)] as const)));
  const rand = random(20260105);
  const excuses = makeExcuses(opds, staff, from, to, rand);
  await batchWrite(
    tableName('records'),
    excuses.map((e) => ({ ...keys.excuse(e.opd, e.sampai, e.id), ...keys.excuseByAsn(e.nip, e.sampai, e.id), type: 'IZIN', ...e, ditarik: undefined })),
  );
  const excusesOf = new Map(opds.map((o) => [o.kode, excuses.filter((e) => e.opd === o.kode)]));
  const headOf = (kode: string) => staff.get(kode)?.find((a) => a.role === 'pimpinan')?.nip ?? staff.get(kode)?.[0]?.nip ?? '';
  // The last seven days first (the ASN's week, the heads' readiness list); the rest may follow.
  const recent = addDays(today, -7);
  const byApel: { date: IsoDate; checkins: Item[]; records: Item[] }[] = [];
  let readinessChecks = 0;

  let aggregateCount = 0;
  for (const plan of plans) {
    const week = Math.floor((Date.parse(plan.date) - Date.parse(from)) / (7 * 86_400_000));
    const checkins = new Map<string, SeededCheckin>();
    const aggregates: SesiAggregate[] = [];
    const recaps = [];
    const into = { date: plan.date, checkins: [] as Item[], records: [] as Item[] };
    byApel.push(into);
    for (const opd of opds) {
      const list = staff.get(opd.kode) ?? [];
      const wfa = wfaOn(opd, plan.date);
      const profile = opdProfile(opd.kode, wfa, week);
      const excused = (nip: string) => excuseOn(excusesOf.get(opd.kode) ?? [], nip, plan.date);
      for (const a of list) {
        if (excused(a.nip) && rand() < 0.9) continue;
        if (rand() > profile.attend) continue;
        // On a WFA day the phone is where the ASN lives; an exempt OPD's staff check in from the office (in the capital).
        const facts = simulateCheckin(plan, profile, wfa ? networkOf(a.kecamatan) : OFFICE_NETWORK, headOf(opd.kode), rand);
        checkins.set(a.nip, facts);
        into.checkins.push(checkinItem(plan.id, a.nip, opd.kode, facts));
      }
      let readiness: SesiAggregate['cek'] = null;
      if (plan.slot === 'sore' && rand() < 0.35) {
        // One readiness check late in the morning (apel sore opens at 15.45: 10.45), answered within 15 minutes.
        const mulai = new Date(plan.opensAt.getTime() - 5 * 3_600_000);
        const id = `${compactTime(mulai)}-${Math.floor(rand() * 0xffffff).toString(16).padStart(6, '0')}`;
        const check = { id, opd: opd.kode, pesan: 'Mohon konfirmasi bahwa Anda siap bekerja. (contoh)', mulai: mulai.toISOString(), batas: new Date(mulai.getTime() + 15 * 60_000).toISOString(), oleh: headOf(opd.kode) };
        const answers = list
          .filter((a) => !excused(a.nip) && rand() < profile.answer)
          .map((a) => ({ nip: a.nip, at: new Date(mulai.getTime() + Math.ceil(rand() * rand() * 14 + 1) * 60_000 - Math.floor(rand() * 50_000)).toISOString() }));
        into.records.push({ ...keys.readinessCheck(opd.kode, id), type: 'CEK', ...check, demo: true });
        into.records.push(...answers.map((a) => ({ ...keys.readinessAnswer(id, a.nip), type: 'JAWAB', cekId: id, ...a })));
        readiness = readinessOfDay([{ mulai: check.mulai, answers }], list.length);
        readinessChecks++;
      }
      recaps.push(recapOpd(opd.kode, wfa, list, checkins));
      aggregates.push(
        aggregateSesi({
          opd: opd.kode,
          sesi: { id: plan.id, date: plan.date, slot: plan.slot as 'pagi' | 'sore', onTimeUntil: plan.onTimeUntil },
          wfa,
          demo: true,
          staff: list,
          checkins,
          excuses: excusesOf.get(opd.kode) ?? [],
          readiness,
        }),
      );
    }
    await openSesi(plan, plan.opensAt);
    await putAggregates(aggregates, plan.closesAt);
    await closeSesi(plan.id, recaps, new Date(plan.closesAt.getTime() + 60_000));
    // Final: the apel clock must not make these recaps again (the older check-ins may still be on their way).
    await markRecapFinal(plan.id, new Date(plan.closesAt.getTime() + 60_000));
    aggregateCount += aggregates.length;
  }
  const part = (apel: typeof byApel) => ({ checkins: apel.flatMap((a) => a.checkins), records: apel.flatMap((a) => a.records) });
  // The older ones newest first, so the weeks a newcomer looks at first are in first.
  const records = { recent: part(byApel.filter((a) => a.date >= recent)), older: part(byApel.filter((a) => a.date < recent).reverse()) };
  const office = officeDayAggregates(opds, staff, excusesOf, from, to, holidays, config);
  // 10b: survey answers
  const answers = await seedDemoSurvey(opds, from, to, config);
  // DynamoDB Local takes a few hundred items a second whatever the concurrency: four at a time leaves room for the pages.
  const write = async (them: { checkins: Item[]; records: Item[] }) => {
    await batchWrite(tableName('checkins'), them.checkins, 4);
    await batchWrite(tableName('records'), them.records, 4);
  };
  // The office days first, then the last seven days' records, then the older ones.
  const details = (async () => {
    await putAggregates(office, new Date(`${to}T12:00:00Z`));
    await write(records.recent);
    await write(records.older);
  })();
  if (!options.detailsLater) await details;
  const all = [...records.recent.records, ...records.older.records];
  return {
    sesi: plans.length,
    aggregates: aggregateCount,
    excuses: excuses.length,
    answers,
    from,
    to,
    checkins: records.recent.checkins.length + records.older.checkins.length,
    readinessChecks,
    readinessAnswers: all.length - readinessChecks,
    officeDays: new Set(office.map((a) => a.date)).size,
    details,
  };
}

/**
 * The office e-presensi of the seeded weeks, as if the admin had uploaded it (one aggregate per
 * OPD and office day, core/evaluation.ts `aggregateOfficeDay`, marked demo): the working days
 * that are not WFA days nor holidays, everyone at the office, a few late, the excused absent.
 * Only aggregates: the upload keeps no row per ASN either.
 */
function officeDayAggregates(
  opds: readonly Opd[],
  staff: ReadonlyMap<string, Asn[]>,
  excusesOf: ReadonlyMap<string, Excuse[]>,
  from: IsoDate,
  to: IsoDate,
  holidays: ReadonlyMap<IsoDate, unknown>,
  config: ApelConfig,
): SesiAggregate[] {
  const rand = random(20260107);
  const aggregates: SesiAggregate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const day = weekdayOf(date);
    if (day === 'sabtu' || day === 'minggu' || config.wfaDays.includes(day) || holidays.has(date)) continue;
    for (const opd of opds) {
      const list = staff.get(opd.kode) ?? [];
      const masuk = new Map<string, number>();
      for (const a of list) {
        if (excuseOn(excusesOf.get(opd.kode) ?? [], a.nip, date) || rand() > 0.955) continue;
        // Minutes after the office's start time: most a little before it, some late.
        masuk.set(a.nip, rand() < 0.14 ? 1 + Math.floor(-Math.log(1 - rand() * 0.97) * 9) : -Math.floor(rand() * 25));
      }
      aggregates.push({ ...aggregateOfficeDay({ opd: opd.kode, date, wfa: wfaOn(opd, date), staff: list, masuk, excuses: excusesOf.get(opd.kode) ?? [] }), demo: true });
    }
  }
  return aggregates;
}

interface Profile {
  attend: number;
  late: number;
  plan: number;
  output: number;
  assess: number;
  answer: number;
  /** Median of the phone's request duration (ms). */
  network: number;
  retry: number;
  /** Taps kept on the phone without network, delivered later. */
  offline: number;
}

/** Each OPD a little different, improving slightly over the weeks; exempt OPDs (office) a touch more punctual. */
function opdProfile(kode: string, wfa: boolean, week: number): Profile {
  const h = [...kode].reduce((s, c) => (s * 31 + c.charCodeAt(0)) >>> 0, 7);
  const spread = (h % 100) / 100;
  return {
    attend: Math.min(0.985, 0.88 + spread * 0.07 + week * 0.004 + (wfa ? 0 : 0.015)),
    late: Math.max(0.04, 0.22 - spread * 0.1 - week * 0.008 - (wfa ? 0 : 0.04)),
    plan: 0.7 + spread * 0.25,
    output: 0.6 + spread * 0.3,
    assess: 0.35 + spread * 0.4,
    answer: 0.75 + spread * 0.2,
    network: 500 + ((h >>> 8) % 1500),
    retry: 0.02 + ((h >>> 4) % 8) / 100,
    offline: 0.004 + ((h >>> 12) % 5) / 250,
  };
}

/**
 * How good the mobile network is where the ASN lives (a factor on the phone's request time, its
 * retries and its offline taps): best in Bolaang Uki (Molibagu, the capital), worst in the far
 * east (Pinolosian Timur) and in Tomini; a kecamatan of another regency's roster gets a factor
 * of its own from its name.
 */
const NETWORK: Record<string, number> = {
  'Bolaang Uki': 0.6,
  Posigadan: 0.9,
  Pinolosian: 1.1,
  Helumo: 1.25,
  'Pinolosian Tengah': 1.5,
  Tomini: 1.9,
  'Pinolosian Timur': 2.4,
};
const OFFICE_NETWORK = 0.7;
const networkOf = (kecamatan: string | undefined): number =>
  kecamatan === undefined ? 1 : (NETWORK[kecamatan] ?? 0.6 + ([...kecamatan].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 180) / 100);

const LATE_REASONS = [
  'Sinyal hilang di rumah, pindah ke tempat lain dulu. (contoh)',
  'Mengantar anak ke sekolah. (contoh)',
  'Listrik padam sejak pagi. (contoh)',
  'Hujan deras, jaringan putus-putus. (contoh)',
  'Mengurus surat di kantor desa. (contoh)',
];

type SeededCheckin = CheckinFacts & { penilaian?: { nilai: Assessment; oleh: string; at: string }; alasanTerlambat?: string };

/**
 * One ASN's check-in: on time or late (minutes late falling off as real queues do), a work
 * plan or an output, the head's assessment of an output (sore; who and when), how the phone's
 * request went, now and then a late ASN's reason, and now and then a tap kept on the phone
 * without network and delivered later (its tap time counts: `ketukPada`).
 */
function simulateCheckin(plan: SesiPlan, p: Profile, network: number, head: string, rand: () => number): SeededCheckin {
  const late = rand() < p.late;
  const lateFrom = Math.floor(plan.onTimeUntil.getTime() / 60_000) * 60_000 + 60_000;
  const tap = late
    ? new Date(lateFrom + Math.floor(-Math.log(1 - rand() * 0.97) * 6) * 60_000 + Math.floor(rand() * 59_000))
    : new Date(plan.opensAt.getTime() + Math.floor(rand() * (lateFrom - plan.opensAt.getTime() - 1000)));
  const withReport = rand() < (plan.slot === 'pagi' ? p.plan : p.output);
  const assessed = plan.slot === 'sore' && withReport && rand() < p.assess;
  const r = rand();
  const offline = rand() < p.offline * network;
  const reason = late && rand() < 0.4 ? LATE_REASONS[Math.floor(rand() * LATE_REASONS.length)] : undefined;
  const nilai: Assessment = ASSESSMENTS[r < 0.65 ? 0 : r < 0.9 ? 1 : 2]!;
  return {
    status: late ? 'terlambat' : 'hadir',
    // A tap kept on the phone arrives once the network is back: 1–40 minutes later.
    at: offline ? new Date(tap.getTime() + Math.ceil(rand() * 40) * 60_000).toISOString() : tap.toISOString(),
    ...(offline ? { luring: true, ketukPada: tap.toISOString() } : {}),
    ...(withReport ? { laporan: plan.slot === 'pagi' ? 'Rencana kerja (contoh)' : 'Hasil kerja (contoh)' } : {}),
    ...(assessed ? { penilaian: { nilai, oleh: head, at: new Date(plan.closesAt.getTime() + Math.ceil(rand() * 180) * 60_000).toISOString() } } : {}),
    jaringan: { ms: Math.round(p.network * network * Math.exp((rand() - 0.5) * 1.6)), ulang: rand() < p.retry * network ? 1 + Math.floor(rand() * 2) : 0 },
    ...(reason ? { alasanTerlambat: reason } : {}),
  };
}

/** A check-in item as the check-in path writes it (store/checkin-store.ts `recordCheckin`), marked demo. */
function checkinItem(sesiId: string, nip: string, opd: string, facts: SeededCheckin): Item {
  const { status, at, laporan, penilaian, jaringan, luring, ketukPada, alasanTerlambat } = facts;
  return {
    ...keys.checkin(sesiId, nip),
    ...keys.checkinByAsn(nip, sesiId),
    ...keys.checkinByOpd(sesiId, opd, nip, at),
    sesiId,
    nip,
    opd,
    status,
    at,
    bukti: 'tanpa',
    demo: true,
    ...(laporan ? { laporan } : {}),
    ...(penilaian ? { penilaian } : {}),
    ...(jaringan ? { jaringan } : {}),
    ...(luring ? { luring: true, ketukPada } : {}),
    ...(alasanTerlambat ? { alasanTerlambat } : {}),
  };
}

function excuseOn(excuses: readonly Excuse[], nip: string, date: IsoDate): boolean {
  return excuses.some((e) => e.nip === nip && e.dari <= date && date <= e.sampai);
}

/** About 2 % of the staff each week get an excuse of one to three days. */
function makeExcuses(opds: readonly Opd[], staff: ReadonlyMap<string, readonly Asn[]>, from: IsoDate, to: IsoDate, rand: () => number): Excuse[] {
  const out: Excuse[] = [];
  const head = (kode: string) => staff.get(kode)?.find((a) => a.role === 'pimpinan')?.nip ?? staff.get(kode)?.[0]?.nip ?? '';
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    for (const o of opds) {
      for (const a of staff.get(o.kode) ?? []) {
        if (rand() >= 0.02) continue;
        const dari = addDays(monday, Math.floor(rand() * 2));
        const sampai = addDays(dari, Math.floor(rand() * 3));
        const jenis = EXCUSES[Math.floor(rand() * EXCUSES.length)]!;
        const id = `${sampai}_${a.nip}_${Math.floor(rand() * 0xffffffff).toString(16).padStart(8, '0')}`;
        out.push({ id, nip: a.nip, opd: o.kode, jenis, dari, sampai, catatan: 'Contoh (npm start)', oleh: head(o.kode), at: `${dari}T00:30:00.000Z`, ditarik: null });
      }
    }
  }
  return out;
}
