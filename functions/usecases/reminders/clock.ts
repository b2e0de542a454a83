import type { ApelConfig } from '../../core/config';
import { lateReminderDue } from '../../core/reminder';
import type { SesiPlan } from '../../core/sesi';
import type { PlanJob } from '../../store/reminder-queue';
import { enqueue } from '../../store/reminder-queue';
import { markReminderSent } from '../../store/reminder-store';
import type { SesiRecord } from '../../store/sesi-store';

/**
 * The apel clock's part of reminders, every minute: a sesi it has just opened gets the
 * opening reminder, and an open sesi within `pengingatMenit` of its on-time limit the
 * soon-late one. Each is queued once: a conditional marker first (Reminders table), then
 * the plan job, which the sender works out (usecases/reminders/plan.ts). Ticks that
 * overlap or retry find the marker and queue nothing; if queueing fails after the marker
 * (an SQS outage), that reminder is not sent: at most once, never twice. Returns the
 * `<sesi>.<reason>` queued.
 */
export async function queueReminders(config: ApelConfig, now: Date, opened: readonly SesiPlan[], existing: readonly SesiRecord[]): Promise<string[]> {
  const due: PlanJob[] = opened.map((plan) => ({ jenis: 'rencana', alasan: 'buka', sesiId: plan.id }));
  const open = [...existing, ...opened.map((p) => ({ ...p, state: 'dibuka' as const }))];
  for (const sesi of open) {
    if (lateReminderDue(now, sesi, config.pengingatMenit)) due.push({ jenis: 'rencana', alasan: 'terlambat', sesiId: sesi.id });
  }
  const queued: PlanJob[] = [];
  for (const job of due) if (await markReminderSent(job.sesiId, job.alasan, now)) queued.push(job);
  await enqueue(queued);
  return queued.map((j) => `${j.sesiId}.${j.alasan}`);
}
