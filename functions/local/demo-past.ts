import type { Excuse, ExcuseKind } from '../core/attendance';
import type { ApelConfig } from '../core/config';
import type { CheckinFacts, SesiAggregate } from '../core/evaluation';
import { ASSESSMENTS, aggregateSesi, readinessOfDay } from '../core/evaluation';
import { wfaOn } from '../core/opd';
import { recapOpd } from '../core/recap';
import type { Asn, Opd } from '../core/roster';
import type { SesiPlan } from '../core/sesi';
import { plannedSesi } from '../core/sesi';
import type { IsoDate } from '../core/time';
import { addDays, localDate, mondayOf } from '../core/time';
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
 * Clearly demo: every aggregate is marked `demo`, so the evaluation says "DATA CONTOH" and
 * never adds these to a real apel's figures (core/evaluation.ts `evaluate`). The seed writes
 * check-in items only for the days of the current week (the ASN's "Minggu ini" is read from
 * them, and must agree with their history); 72,000 for the whole past would slow the first
 * start by a minute, and the recaps and aggregates carry what the other pages show.
 * Deterministic (a fixed seed), so every fresh start shows the same past.
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
  from: IsoDate;
  to: IsoDate;
}

/** Seeds the past `DEMO_WEEKS` weeks before `now`'s date (today itself is left to the real clock). */
export async function seedDemoPast(config: ApelConfig, now: Date): Promise<SeededPast> {
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
  const thisWeek = mondayOf(today);

  let aggregateCount = 0;
  for (const plan of plans) {
    const week = Math.floor((Date.parse(plan.date) - Date.parse(from)) / (7 * 86_400_000));
    const checkins = new Map<string, CheckinFacts & { alasanTerlambat?: string }>();
    const aggregates: SesiAggregate[] = [];
    const recaps = [];
    const weekCheckins: Record<string, unknown>[] = [];
    for (const opd of opds) {
      const list = staff.get(opd.kode) ?? [];
      const wfa = wfaOn(opd, plan.date);
      const profile = opdProfile(opd.kode, wfa, week);
      for (const a of list) {
        if (excuseOn(excusesOf.get(opd.kode) ?? [], a.nip, plan.date) && rand() < 0.9) continue;
        if (rand() > profile.attend) continue;
        checkins.set(a.nip, simulateCheckin(plan, profile, rand));
      }
      const readiness =
        plan.slot === 'sore' && rand() < 0.35
          ? readinessOfDay(
              [
                {
                  mulai: new Date(plan.opensAt.getTime() - 5 * 3_600_000).toISOString(),
                  answers: list.filter(() => rand() < profile.answer).map(() => ({ at: new Date(plan.opensAt.getTime() - 5 * 3_600_000 + Math.ceil(rand() * rand() * 14 + 1) * 60_000).toISOString() })),
                },
              ],
              list.length,
            )
          : null;
      recaps.push(recapOpd(opd.kode, wfa, list, checkins));
      if (plan.date >= thisWeek) weekCheckins.push(...list.flatMap((a) => checkinItem(plan.id, a.nip, opd.kode, checkins.get(a.nip))));
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
    await batchWrite(tableName('checkins'), weekCheckins);
    await putAggregates(aggregates, plan.closesAt);
    await closeSesi(plan.id, recaps, new Date(plan.closesAt.getTime() + 60_000));
    // Final: the apel clock must not make these recaps again from check-ins the seed never wrote.
    await markRecapFinal(plan.id, new Date(plan.closesAt.getTime() + 60_000));
    aggregateCount += aggregates.length;
  }
  // 10b: survey answers
  const answers = await seedDemoSurvey(opds, from, to, config);
  return { sesi: plans.length, aggregates: aggregateCount, excuses: excuses.length, answers, from, to };
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
  };
}

function simulateCheckin(plan: SesiPlan, p: Profile, rand: () => number): CheckinFacts {
  const late = rand() < p.late;
  const lateFrom = Math.floor(plan.onTimeUntil.getTime() / 60_000) * 60_000 + 60_000;
  const at = late
    ? new Date(lateFrom + Math.floor(-Math.log(1 - rand() * 0.97) * 6) * 60_000 + Math.floor(rand() * 59_000))
    : new Date(plan.opensAt.getTime() + Math.floor(rand() * (lateFrom - plan.opensAt.getTime() - 1000)));
  const withReport = rand() < (plan.slot === 'pagi' ? p.plan : p.output);
  const assessed = plan.slot === 'sore' && withReport && rand() < p.assess;
  const r = rand();
  return {
    status: late ? 'terlambat' : 'hadir',
    at: at.toISOString(),
    ...(withReport ? { laporan: plan.slot === 'pagi' ? 'Rencana kerja (contoh)' : 'Hasil kerja (contoh)' } : {}),
    ...(assessed ? { penilaian: { nilai: ASSESSMENTS[r < 0.65 ? 0 : r < 0.9 ? 1 : 2]! } } : {}),
    jaringan: { ms: Math.round(p.network * Math.exp((rand() - 0.5) * 1.6)), ulang: rand() < p.retry ? 1 + Math.floor(rand() * 2) : 0 },
  };
}

/** A check-in item as the check-in path writes it (store/checkin-store.ts `recordCheckin`), for the current week's days. */
function checkinItem(sesiId: string, nip: string, opd: string, facts: CheckinFacts | undefined): Record<string, unknown>[] {
  if (!facts) return [];
  const { status, at, laporan, penilaian, jaringan } = facts;
  return [
    {
      ...keys.checkin(sesiId, nip),
      ...keys.checkinByAsn(nip, sesiId),
      ...keys.checkinByOpd(sesiId, opd, nip, at),
      sesiId,
      nip,
      opd,
      status,
      at,
      bukti: 'tanpa',
      ...(laporan ? { laporan } : {}),
      ...(penilaian ? { penilaian } : {}),
      ...(jaringan ? { jaringan } : {}),
    },
  ];
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
        out.push({ id, nip: a.nip, opd: o.kode, jenis, dari, sampai, catatan: 'Contoh (data percobaan)', oleh: head(o.kode), at: `${dari}T00:30:00.000Z`, ditarik: null });
      }
    }
  }
  return out;
}
