import { requireFunctionTables } from '../manifest';
import { serverNow } from '../runtime/clock';
import type { ReminderJob } from '../store/reminder-queue';
import { planReminder } from '../usecases/reminders/plan';
import { sendJob } from '../usecases/reminders/send';
import { config } from './runtime-config';
import { log, scheduledHandler } from './scheduled-handler';

requireFunctionTables('reminderSender');

/**
 * The reminders' sender, started by the queue (SQS on AWS, the in-process queue locally)
 * with a few jobs at a time: a plan job works out who gets a reminder of a sesi and queues
 * the send jobs (usecases/reminders/plan.ts); a send job pushes to up to 50 subscriptions
 * (usecases/reminders/send.ts). A job that fails is reported alone (partial batch
 * response), so SQS redelivers only it, and after 3 receipts it lands in the dead-letter
 * queue, which alarms. Logs carry counts and sesi ids, never endpoints or NIPs.
 */
export const handler = scheduledHandler(async (event) => {
  const records = (event as { Records?: { messageId: string; body: string }[] }).Records ?? [];
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of records) {
    try {
      const job = JSON.parse(record.body) as ReminderJob;
      const now = serverNow();
      if (job.jenis === 'rencana') {
        log({ message: 'reminder planned', sesiId: job.sesiId, alasan: job.alasan, ...(await planReminder(job.alasan, job.sesiId, config, now)) });
      } else {
        log({ message: 'reminder sent', tag: job.payload.tag, percobaan: job.percobaan, ...(await sendJob(job, now)) });
      }
    } catch (e) {
      log({ message: 'reminder job failed', messageId: record.messageId, error: e instanceof Error ? e.name : 'unknown' });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
});
