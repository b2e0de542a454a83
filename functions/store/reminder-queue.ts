import { randomUUID } from 'node:crypto';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { ReminderPayload, ReminderReason, StoredSubscription } from '../core/reminder';

/**
 * The reminders' queue: the apel clock and the heads' "Kirim pengingat" put jobs on it,
 * the sender function (handlers/reminder-sender.ts) takes them off. On AWS an SQS queue
 * (`APEL_REMINDER_QUEUE_URL`); locally the same jobs go through an in-process queue that
 * hands them to the same handler, in batches and with the same bounded concurrency as
 * the SQS event source, and honours delays (tests may run delayed jobs at once).
 */

/** Work out who gets a reminder of a sesi, then queue the sends (the sender does it). */
export interface PlanJob {
  jenis: 'rencana';
  alasan: Exclude<ReminderReason, 'pimpinan'>;
  sesiId: string;
}

export interface PushTarget {
  nip: string;
  langganan: StoredSubscription;
}

/** Send one notification to a few subscriptions (at most SEND_BATCH). */
export interface SendJob {
  jenis: 'kirim';
  alasan: ReminderReason;
  payload: ReminderPayload;
  /** When the notification stops making sense (the apel closes): no send after it, and the push TTL until it. */
  sampai: string;
  tujuan: PushTarget[];
  /** 1 for the first attempt. */
  percobaan: number;
}

export type ReminderJob = PlanJob | SendJob;

/** Subscriptions per send job: 50 × ~400 bytes, far under SQS's 256 KiB per message. */
export const SEND_BATCH = 50;
/** Jobs per sender invocation (the SQS event source's batch size) and invocations at once (its maximum concurrency). */
export const JOBS_PER_INVOCATION = 5;
export const SENDER_CONCURRENCY = 2;

export const QUEUE_URL_ENV = 'APEL_REMINDER_QUEUE_URL';

/** The send jobs for a list of targets, SEND_BATCH each. */
export function sendJobs(base: Omit<SendJob, 'tujuan' | 'percobaan' | 'jenis'>, targets: readonly PushTarget[], percobaan = 1): SendJob[] {
  const jobs: SendJob[] = [];
  for (let i = 0; i < targets.length; i += SEND_BATCH) jobs.push({ jenis: 'kirim', ...base, tujuan: targets.slice(i, i + SEND_BATCH), percobaan });
  return jobs;
}

let sqs: SQSClient | undefined;

/** Puts jobs on the queue (10 per SendMessageBatch), delivered after `delaySeconds` (at most 900). */
export async function enqueue(jobs: readonly ReminderJob[], delaySeconds = 0): Promise<void> {
  if (jobs.length === 0) return;
  const url = process.env[QUEUE_URL_ENV];
  if (!url) return local.add(jobs, delaySeconds);
  sqs ??= new SQSClient({});
  for (let i = 0; i < jobs.length; i += 10) {
    const entries = jobs.slice(i, i + 10).map((job, n) => ({ Id: String(n), MessageBody: JSON.stringify(job), DelaySeconds: Math.min(900, delaySeconds) }));
    const out = await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries }));
    if (out.Failed && out.Failed.length > 0) throw new Error(`SQS refused ${out.Failed.length} reminder jobs: ${out.Failed.map((f) => f.Code).join(', ')}`);
  }
}

/** What the local queue hands to the sender: an SQS event's records. */
export type Consumer = (event: { Records: { messageId: string; body: string }[] }) => Promise<unknown>;

/** The in-process queue of the local runtime and the tests. */
class LocalQueue {
  private consumer: Consumer | undefined;
  private ready: ReminderJob[] = [];
  private delayed = new Set<{ jobs: readonly ReminderJob[]; timer: NodeJS.Timeout }>();
  private running = 0;
  private idle: (() => void)[] = [];
  /** Sender invocations so far (what the benchmark reports). */
  invocations = 0;

  use(consumer: Consumer | undefined): void {
    this.consumer = consumer;
  }

  add(jobs: readonly ReminderJob[], delaySeconds: number): void {
    if (delaySeconds > 0) {
      const entry = { jobs, timer: setTimeout(() => {
        this.delayed.delete(entry);
        this.push(jobs);
      }, delaySeconds * 1000) };
      entry.timer.unref();
      this.delayed.add(entry);
      return;
    }
    this.push(jobs);
  }

  private push(jobs: readonly ReminderJob[]): void {
    this.ready.push(...jobs);
    this.pump();
  }

  private pump(): void {
    while (this.consumer && this.running < SENDER_CONCURRENCY && this.ready.length > 0) {
      const batch = this.ready.splice(0, JOBS_PER_INVOCATION);
      this.running++;
      this.invocations++;
      const consumer = this.consumer;
      void consumer({ Records: batch.map((job) => ({ messageId: randomUUID(), body: JSON.stringify(job) })) })
        .catch((e: unknown) => console.error('Pengirim pengingat gagal:', e))
        .finally(() => {
          this.running--;
          this.pump();
          if (this.running === 0 && this.ready.length === 0) for (const done of this.idle.splice(0)) done();
        });
    }
  }

  /** Waits until nothing is queued or running; with `delayed`, runs delayed jobs now instead of waiting for them. */
  async drain(options: { delayed?: boolean } = {}): Promise<void> {
    for (;;) {
      if (options.delayed) {
        for (const entry of [...this.delayed]) {
          clearTimeout(entry.timer);
          this.delayed.delete(entry);
          this.ready.push(...entry.jobs);
        }
        this.pump();
      }
      if (this.running === 0 && this.ready.length === 0) {
        if (!options.delayed || this.delayed.size === 0) return;
        continue;
      }
      await new Promise<void>((done) => this.idle.push(done));
    }
  }

  pending(): { ready: number; delayed: number } {
    return { ready: this.ready.length, delayed: [...this.delayed].reduce((n, e) => n + e.jobs.length, 0) };
  }
}

/** The local queue (no SQS): `use` the sender's handler, `drain` in tests. */
export const local = new LocalQueue();
