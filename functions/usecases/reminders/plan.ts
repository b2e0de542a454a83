import type { ApelConfig } from '../../core/config';
import type { ReminderReason, ReminderSesi } from '../../core/reminder';
import { awaited, reminderPayload } from '../../core/reminder';
import { listCheckins } from '../../store/checkin-store';
import { excusesOfOpd } from '../../store/excuse-store';
import { inParallel } from '../../store/batch';
import type { PushTarget, SendJob } from '../../store/reminder-queue';
import { enqueue, sendJobs } from '../../store/reminder-queue';
import type { Subscriptions } from '../../store/reminder-store';
import { subscriptionsOfMany } from '../../store/reminder-store';
import { listAsnOfOpd, listOpds } from '../../store/roster-store';
import { getSesiMany } from '../../store/sesi-store';

/**
 * Who gets a reminder of a sesi, and the send jobs for them: every OPD's active staff
 * without a check-in and without an excuse of the date (core/reminder.ts `awaited`), of
 * those the ones with subscriptions. Holidays and cancelled slots never open a sesi, so
 * they never get here. Queries only: the roster, excuses and check-ins by OPD (6 OPDs at
 * a time), then the subscriptions of those awaited (BatchGetItem).
 */
export async function planReminder(alasan: Exclude<ReminderReason, 'pimpinan'>, sesiId: string, config: ApelConfig, now: Date): Promise<{ awaited: number; targets: number; jobs: number }> {
  const [sesi] = await getSesiMany([sesiId]);
  if (!sesi || sesi.state !== 'dibuka' || now.getTime() >= sesi.closesAt.getTime()) return { awaited: 0, targets: 0, jobs: 0 };
  const opds = await listOpds();
  const nips = (
    await inParallel(opds, 6, async (opd) => {
      const [staff, excuses, checkins] = await Promise.all([listAsnOfOpd(opd.kode), excusesOfOpd(opd.kode, sesi.date, sesi.date), listCheckins(sesi.id, opd.kode)]);
      return awaited({ staff, checkedIn: new Set(checkins.map((c) => c.nip)), excuses, date: sesi.date, disruption: sesi.gangguan });
    })
  ).flat();
  const jobs = await queueSends(alasan, sesi, nips, config);
  return { awaited: nips.length, targets: jobs.reduce((n, j) => n + j.tujuan.length, 0), jobs: jobs.length };
}

/** The send jobs of a reminder to these ASN (those with subscriptions), queued. */
export async function queueSends(alasan: ReminderReason, sesi: ReminderSesi, nips: readonly string[], config: ApelConfig): Promise<SendJob[]> {
  return queueSendsTo(alasan, sesi, await subscriptionsOfMany(nips), config);
}

/** The same, for subscriptions already read. */
export async function queueSendsTo(alasan: ReminderReason, sesi: ReminderSesi, subscribed: readonly Subscriptions[], config: ApelConfig): Promise<SendJob[]> {
  const targets: PushTarget[] = subscribed.flatMap((s) => s.langganan.map((langganan) => ({ nip: s.nip, langganan })));
  const jobs = sendJobs({ alasan, payload: reminderPayload(alasan, sesi, config.timeZone), sampai: sesi.closesAt.toISOString() }, targets);
  await enqueue(jobs);
  return jobs;
}
