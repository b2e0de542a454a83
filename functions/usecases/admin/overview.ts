import type { Counts } from '../../core/attendance';
import { tally } from '../../core/attendance';
import type { ApelConfig } from '../../core/config';
import { wfaOn } from '../../core/opd';
import { SLOT_LABELS } from '../../core/sesi';
import type { IsoDate } from '../../core/time';
import { listOpds } from '../../store/roster-store';
import { inParallel } from '../../store/batch';
import { rollCounts, rollSesi } from '../opd/roll';
import { loadSesiOfDays } from '../sesi-of-days';

/**
 * The regency at a glance: each sesi of a date, and in it each OPD's expected, hadir,
 * terlambat, excused (by kind), not yet / absent. The counts are the heads' roll of
 * each OPD (usecases/opd/roll.ts), so the admin and the heads see the same numbers.
 */

const REFRESH_SECONDS = Number(process.env.APEL_ROLL_REFRESH_SECONDS ?? 15);
/** OPD rolls computed at once: each is a few queries on that OPD's own partitions. */
const CONCURRENCY = 12;

export async function regencyOverview(date: IsoDate, now: Date, config: ApelConfig) {
  // The day's sesi (one read of the calendar, one of the sesi records) and the OPDs.
  const [{ sesi, holidays, specialDays }, opds] = await Promise.all([loadSesiOfDays(date, date, now, config), listOpds()]);
  const rolls = await inParallel(
    sesi.flatMap((s) => opds.map((opd) => ({ s, opd }))),
    CONCURRENCY,
    async ({ s, opd }) => ({ id: s.id, kode: opd.kode, counts: await rollCounts(opd.kode, rollSesi(s)) }),
  );
  const countsOf = new Map(rolls.map((r) => [`${r.id}|${r.kode}`, r.counts]));

  return {
    tanggal: date,
    libur: holidays.get(date) ?? null,
    hariKhusus: specialDays.get(date) ?? null,
    refreshSeconds: sesi.some((s) => s.state === 'dibuka') ? REFRESH_SECONDS : null,
    sesi: sesi.map((s) => {
      const perOpd = opds
        .map((opd) => ({ kode: opd.kode, nama: opd.nama, wfa: wfaOn(opd, date), counts: countsOf.get(`${s.id}|${opd.kode}`) ?? tally([]) }))
        .sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
      return {
        id: s.id,
        date: s.date,
        slot: s.slot,
        label: SLOT_LABELS[s.slot],
        state: s.state,
        opensAt: s.opensAt.toISOString(),
        onTimeUntil: s.onTimeUntil.toISOString(),
        closesAt: s.closesAt.toISOString(),
        demo: s.demo,
        gangguan: s.gangguan,
        total: sum(perOpd.map((o) => o.counts)),
        opd: perOpd,
      };
    }),
  };
}

function sum(all: readonly Counts[]): Counts {
  const total = tally([]);
  for (const c of all) for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += c[k];
  return total;
}
