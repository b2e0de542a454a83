import { wfaOn } from '../core/opd';
import type { Asn } from '../core/roster';
import type { OpdRecapWithRows } from '../core/recap';
import { recapOpd } from '../core/recap';
import type { SesiSlot } from '../core/sesi';
import { sesiId } from '../core/sesi';
import type { IsoDate } from '../core/time';
import type { Checkin } from '../store/checkin-store';
import { listCheckins } from '../store/checkin-store';
import { listAsnOfOpd, listOpds } from '../store/roster-store';
import { closeSesi, getSesiMany } from '../store/sesi-store';
import { writeCloseAggregates } from './evaluation/aggregates';

/** OPDs are read a few at a time: each needs two queries, and 36 at once would only queue. */
const CONCURRENCY = 6;

/**
 * Closes a sesi and writes one recap per OPD: expected (the OPD's active staff now),
 * hadir, terlambat, tidak hadir, and each expected ASN's row. Check-ins are matched to staff by NIP across all OPDs,
 * so someone moved to another OPD after checking in still counts where they are now.
 * Queries only (roster by OPD, check-ins by sesi and OPD); running it again rewrites
 * the same recap. Also writes the evaluation's aggregate per OPD (usecases/evaluation/aggregates.ts).
 */
export async function closeApel(
  date: IsoDate,
  slot: SesiSlot,
  now: Date,
): Promise<{ sesiId: string; closed: boolean; recaps: OpdRecapWithRows[] }> {
  const id = sesiId(date, slot);
  const [sesi] = await getSesiMany([id]);
  if (!sesi) return { sesiId: id, closed: false, recaps: [] };

  const opds = await listOpds();
  const staffByOpd = new Map<string, Asn[]>();
  const checkinByNip = new Map<string, Checkin>();
  await inBatches(opds, async (opd) => {
    const [staff, checkins] = await Promise.all([listAsnOfOpd(opd.kode), listCheckins(id, opd.kode)]);
    staffByOpd.set(opd.kode, staff);
    for (const c of checkins) checkinByNip.set(c.nip, c);
  });
  const recaps = opds.map((opd) => recapOpd(opd.kode, wfaOn(opd, date), staffByOpd.get(opd.kode) ?? [], checkinByNip));
  // Before the sesi is marked closed, so a failed write is retried by the next tick's close.
  await writeCloseAggregates(sesi, opds, staffByOpd, checkinByNip, now);
  await closeSesi(id, recaps, now);
  return { sesiId: id, closed: true, recaps };
}

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += CONCURRENCY) await Promise.all(items.slice(i, i + CONCURRENCY).map(work));
}
