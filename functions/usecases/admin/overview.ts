import type { Counts } from '../../core/attendance';
import { tally } from '../../core/attendance';
import type { ApelConfig } from '../../core/config';
import { wfaOn } from '../../core/opd';
import type { SesiPlan } from '../../core/sesi';
import { SLOT_LABELS, plannedSesi, sesiId } from '../../core/sesi';
import type { IsoDate } from '../../core/time';
import { listOpds } from '../../store/roster-store';
import type { SesiRecord } from '../../store/sesi-store';
import { getSesiMany } from '../../store/sesi-store';
import { inParallel } from '../../store/batch';
import { calendarBetween } from '../../store/special-day-store';
import { rollCounts, sesiOfDay } from '../opd/roll';

/**
 * The regency at a glance: each sesi of a date, and in it each OPD's expected, hadir,
 * terlambat, excused (by kind), not yet / absent. The counts are the heads' roll of
 * each OPD (usecases/opd/roll.ts), so the admin and the heads see the same numbers.
 */

const REFRESH_SECONDS = Number(process.env.APEL_ROLL_REFRESH_SECONDS ?? 15);
/** OPD rolls computed at once: each is a few queries on that OPD's own partitions. */
const CONCURRENCY = 12;

export async function regencyOverview(date: IsoDate, now: Date, config: ApelConfig) {
  const [{ holidays, specialDays }, opds] = await Promise.all([calendarBetween(date, date), listOpds()]);
  const holiday = holidays.get(date) ?? null;
  const special = specialDays.get(date) ?? null;
  const planned = plannedSesi(date, config, holiday ?? undefined, special ?? undefined);
  const opened = await getSesiMany([...planned.map((p) => p.id), sesiId(date, 'demo')]);
  // Planned (config + calendar) and what was actually opened (the record wins: demo, extended windows).
  const byId = new Map<string, SesiPlan & Partial<SesiRecord>>(planned.map((p) => [p.id, p]));
  for (const o of opened) byId.set(o.id, o);
  const t = now.getTime();
  const sesi = [...byId.values()]
    // A planned apel that never opened and is over did not take place.
    .filter((s) => s.state !== undefined || t < s.closesAt.getTime())
    .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());

  // The day's sesi as the heads' roll sees them, looked up once rather than once per OPD.
  const rollSesi = new Map((await sesiOfDay(date, now, config)).map((s) => [s.id, s]));
  const rolls = await inParallel(
    sesi.flatMap((s) => opds.map((opd) => ({ s, opd }))),
    CONCURRENCY,
    async ({ s, opd }) => {
      const seen = rollSesi.get(s.id);
      return { id: s.id, kode: opd.kode, counts: seen ? await rollCounts(opd.kode, seen) : tally([]) };
    },
  );
  const countsOf = new Map(rolls.map((r) => [`${r.id}|${r.kode}`, r.counts]));

  return {
    tanggal: date,
    libur: holiday,
    hariKhusus: special,
    refreshSeconds: sesi.some((s) => stateOf(s, t) === 'dibuka') ? REFRESH_SECONDS : null,
    sesi: sesi.map((s) => {
      const perOpd = opds
        .map((opd) => ({ kode: opd.kode, nama: opd.nama, wfa: wfaOn(opd, date), counts: countsOf.get(`${s.id}|${opd.kode}`) ?? tally([]) }))
        .sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
      return {
        id: s.id,
        date: s.date,
        slot: s.slot,
        label: SLOT_LABELS[s.slot],
        state: stateOf(s, t),
        opensAt: s.opensAt.toISOString(),
        onTimeUntil: s.onTimeUntil.toISOString(),
        closesAt: s.closesAt.toISOString(),
        demo: s.demo ?? false,
        gangguan: s.gangguan ?? null,
        total: sum(perOpd.map((o) => o.counts)),
        opd: perOpd,
      };
    }),
  };
}

/** As the ASN's page shows it: over once closed or past its closing time; open once opened. */
function stateOf(s: { state?: 'dibuka' | 'ditutup'; closesAt: Date }, t: number): 'terjadwal' | 'dibuka' | 'ditutup' {
  if (s.state === 'ditutup' || t >= s.closesAt.getTime()) return 'ditutup';
  return s.state === 'dibuka' ? 'dibuka' : 'terjadwal';
}

function sum(all: readonly Counts[]): Counts {
  const total = tally([]);
  for (const c of all) for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += c[k];
  return total;
}
