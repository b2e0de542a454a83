import type { Excuse } from '../../core/attendance';
import type { CheckinFacts, SesiAggregate } from '../../core/evaluation';
import { aggregateSesi, classifyAbsent, readinessOfDay } from '../../core/evaluation';
import { wfaOn } from '../../core/opd';
import { compactTime } from '../../core/readiness';
import type { Asn, Opd } from '../../core/roster';
import type { IsoDate } from '../../core/time';
import { inParallel } from '../../store/batch';
import { aggregatesOf, putAggregates, setAbsentCounts } from '../../store/evaluation-store';
import { excusesOfOpd } from '../../store/excuse-store';
import { answersOf, readinessChecksSince } from '../../store/readiness-store';
import type { SesiRecord } from '../../store/sesi-store';

/** A few OPDs at a time, as the close reads them. */
const CONCURRENCY = 6;

/**
 * At the close of an apel (after the recaps): one aggregate per OPD for the evaluation,
 * from what the close already read (staff, check-ins) plus the OPD's excuses of the date
 * (one query) and, at apel sore, the day's readiness checks (one query, and one per check
 * held). The local demo sesi is not an apel and gets none; seeded demo sesi are marked.
 */
export async function writeCloseAggregates(
  sesi: SesiRecord,
  opds: readonly Opd[],
  staffByOpd: ReadonlyMap<string, readonly Asn[]>,
  checkins: ReadonlyMap<string, CheckinFacts>,
  now: Date,
): Promise<SesiAggregate[]> {
  if (sesi.slot === 'demo') return [];
  const slot = sesi.slot;
  const aggregates = await inParallel(opds, CONCURRENCY, async (opd) => {
    const staff = staffByOpd.get(opd.kode) ?? [];
    const [excuses, readiness] = await Promise.all([
      excusesOfOpd(opd.kode, sesi.date, sesi.date),
      slot === 'sore' ? readinessOfSesiDay(opd.kode, sesi, staff.length) : Promise.resolve(null),
    ]);
    return aggregateSesi({
      opd: opd.kode,
      sesi: { id: sesi.id, date: sesi.date, slot, onTimeUntil: sesi.onTimeUntil },
      wfa: wfaOn(opd, sesi.date),
      demo: sesi.demo,
      staff,
      checkins,
      excuses,
      readiness,
    });
  });
  await putAggregates(aggregates, now);
  return aggregates;
}

/**
 * The readiness checks of the sesi's day: a check runs between apel pagi's opening and
 * apel sore's closing (core/readiness.ts), so those started from 12 hours before apel
 * sore opened until it closed are the day's.
 */
async function readinessOfSesiDay(opd: string, sesi: SesiRecord, staffCount: number) {
  const since = compactTime(new Date(sesi.opensAt.getTime() - 12 * 3_600_000));
  const until = compactTime(sesi.closesAt);
  const checks = (await readinessChecksSince(opd, since)).filter((c) => c.id < until);
  const withAnswers = await Promise.all(checks.map(async (c) => ({ mulai: c.mulai, answers: await answersOf(c.id) })));
  return readinessOfDay(withAnswers, staffCount);
}

/**
 * After an excuse is recorded or withdrawn: the OPD's aggregates of the closed sesi (and
 * office days) it covers classify their absent again (TK ↔ the excuse's kind). One query
 * of the aggregates, one of the excuses, one update per aggregate that changed.
 */
export async function refreshAbsent(opd: string, dari: IsoDate, sampai: IsoDate, today: IsoDate, known?: readonly Excuse[]): Promise<number> {
  const until = sampai < today ? sampai : today;
  if (until < dari) return 0;
  const aggregates = (await aggregatesOf({ dari, sampai: until }, opd)).filter((a) => a.absen.length > 0);
  if (aggregates.length === 0) return 0;
  const excuses = known ?? (await excusesOfOpd(opd, dari, until));
  let changed = 0;
  for (const a of aggregates) {
    const counts = classifyAbsent(a.absen, excuses, a.date);
    if (JSON.stringify(counts) === JSON.stringify(a.tanpaHadir)) continue;
    await setAbsentCounts(opd, a.sesiId, counts);
    changed++;
  }
  return changed;
}
