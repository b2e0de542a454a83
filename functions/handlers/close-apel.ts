import type { OpdRecap } from '../core/recap';
import { recapOpd } from '../core/recap';
import { sesiId } from '../core/sesi';
import { listCheckins } from '../store/checkin-store';
import { listAsnOfOpd, listOpds } from '../store/roster-store';
import { closeSesi, getSesiMany } from '../store/sesi-store';
import { log, scheduledInput } from './scheduled';

/** OPDs are recapped a few at a time: each needs two queries, and 36 at once would only queue. */
const CONCURRENCY = 6;

/**
 * Scheduled one minute after each slot closes (so check-ins in flight at the closing
 * instant are in). Writes one recap per OPD — expected, hadir, terlambat, tidak
 * hadir — from a query of each OPD's roster and check-in partitions; never a scan.
 * Running it again rewrites the same recap.
 */
export async function handler(event: unknown): Promise<{ sesiId: string; closed: boolean; recaps: OpdRecap[] }> {
  const now = new Date();
  const { slot, date } = scheduledInput(event, now);
  const id = sesiId(date, slot);
  const [sesi] = await getSesiMany([id]);
  if (!sesi) {
    log({ message: 'no apel to close', sesiId: id });
    return { sesiId: id, closed: false, recaps: [] };
  }
  const opds = await listOpds();
  const recaps: OpdRecap[] = [];
  for (let i = 0; i < opds.length; i += CONCURRENCY) {
    const batch = opds.slice(i, i + CONCURRENCY);
    recaps.push(
      ...(await Promise.all(
        batch.map(async (opd) => {
          const [staff, checkins] = await Promise.all([listAsnOfOpd(opd.kode), listCheckins(id, opd.kode)]);
          const byNip = new Map(checkins.map((c) => [c.nip, c.status]));
          return recapOpd(opd.kode, opd.wfa, staff.map((a) => a.nip), byNip);
        }),
      )),
    );
  }
  await closeSesi(id, recaps, now);
  const total = recaps.reduce((sum, r) => ({ expected: sum.expected + r.expected, hadir: sum.hadir + r.hadir }), {
    expected: 0,
    hadir: 0,
  });
  log({ message: 'apel closed', sesiId: id, ...total });
  return { sesiId: id, closed: true, recaps };
}
