import { Agent } from 'node:https';
import { readFileSync } from 'node:fs';
import webpush from 'web-push';
import type { PushOutcome } from '../../core/reminder';
import { MAX_PUSH_ATTEMPTS, pushOutcome, reminderTtlSeconds, retryDelaySeconds } from '../../core/reminder';
import { keyFor } from '../../core/vapid';
import { inParallel } from '../../store/batch';
import type { PushTarget, SendJob } from '../../store/reminder-queue';
import { enqueue } from '../../store/reminder-queue';
import { removeSubscriptions } from '../../store/reminder-store';
import { vapidKeys } from '../../store/vapid-key-store';

/**
 * Sends one send job's notification to each of its subscriptions with `web-push`
 * (RFC 8291 aes128gcm payload encryption, RFC 8292 VAPID), at most PUSHES_AT_ONCE at a
 * time over kept-alive connections, and acts on each push service's answer: 201 sent;
 * 404/410 the subscription is gone and removed; 429, 5xx or no answer sent again later
 * (a new job with SQS's delay: the service's Retry-After, else 30 s, 2 min, 8 min; at most
 * MAX_PUSH_ATTEMPTS); anything else given up. Nothing is sent once the apel has closed.
 */

/** Pushes in flight at once per sender invocation. */
export const PUSHES_AT_ONCE = 16;
/** A push service that has not answered in 10 s is retried later. */
const PUSH_TIMEOUT_MS = 10_000;

/** A CA to trust besides the system's (the local push receiver of tests and the benchmark). */
export const PUSH_CA_ENV = 'APEL_PUSH_CA_FILE';

let agent: Agent | undefined;
function pushAgent(): Agent {
  const ca = process.env[PUSH_CA_ENV];
  agent ??= new Agent({ keepAlive: true, maxSockets: PUSHES_AT_ONCE, ...(ca ? { ca: readFileSync(ca) } : {}) });
  return agent;
}

/** VAPID's `sub`: the site's https address; a mailto: one where the site has none (locally). */
function vapidSubject(): string {
  const site = process.env.APEL_SITE_URL;
  return site?.startsWith('https://') ? new URL(site).origin : 'mailto:pengingat@apel-wfa.invalid';
}

export type SendCounts = Record<PushOutcome, number> & { diulang: number; kedaluwarsa: number };

export async function sendJob(job: SendJob, now: Date): Promise<SendCounts> {
  const counts: SendCounts = { terkirim: 0, hilang: 0, coba_lagi: 0, gagal: 0, diulang: 0, kedaluwarsa: 0 };
  const until = new Date(job.sampai);
  if (now.getTime() >= until.getTime()) {
    counts.kedaluwarsa = job.tujuan.length;
    return counts;
  }
  const keys = await vapidKeys(now);
  const body = JSON.stringify(job.payload);
  const ttl = reminderTtlSeconds(now, until);
  // Topic (RFC 8030 §5.4): a newer message of the same sesi and reason replaces one still waiting at the service.
  const topic = job.payload.tag.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32);
  const gone = new Map<string, string[]>();
  const again: { target: PushTarget; retryAfter: string | undefined }[] = [];

  await inParallel(job.tujuan, PUSHES_AT_ONCE, async (target) => {
    const key = keyFor(keys, target.langganan.kunci);
    // Made with a key rotated out twice: no push service would accept it any more.
    const { status, retryAfter } = key ? await push(target, body, { ttl, topic, key }) : { status: 410, retryAfter: undefined };
    const outcome = pushOutcome(status);
    counts[outcome]++;
    if (outcome === 'hilang') gone.set(target.nip, [...(gone.get(target.nip) ?? []), target.langganan.endpoint]);
    if (outcome === 'coba_lagi') again.push({ target, retryAfter });
  });

  for (const [nip, endpoints] of gone) await removeSubscriptions(nip, endpoints);
  if (job.percobaan < MAX_PUSH_ATTEMPTS && again.length > 0) {
    // One job per delay: the longest Retry-After asked for among them (a service's answer is the same for all of its subscriptions).
    const delay = Math.max(...again.map((a) => retryDelaySeconds(job.percobaan, a.retryAfter, now)));
    if (now.getTime() + delay * 1000 < until.getTime()) {
      await enqueue([{ ...job, tujuan: again.map((a) => a.target), percobaan: job.percobaan + 1 }], delay);
      counts.diulang = again.length;
    }
  }
  return counts;
}

async function push(
  target: PushTarget,
  body: string,
  o: { ttl: number; topic: string; key: { publik: string; privat: string } },
): Promise<{ status: number | undefined; retryAfter: string | undefined }> {
  const { endpoint, p256dh, auth } = target.langganan;
  try {
    const res = await webpush.sendNotification({ endpoint, keys: { p256dh, auth } }, body, {
      vapidDetails: { subject: vapidSubject(), publicKey: o.key.publik, privateKey: o.key.privat },
      TTL: o.ttl,
      urgency: 'high',
      topic: o.topic,
      contentEncoding: 'aes128gcm',
      agent: pushAgent(),
      timeout: PUSH_TIMEOUT_MS,
    });
    return { status: res.statusCode, retryAfter: undefined };
  } catch (e) {
    if (e instanceof webpush.WebPushError) {
      const h = e.headers as Record<string, string | string[] | undefined> | undefined;
      const ra = h?.['retry-after'];
      return { status: e.statusCode, retryAfter: Array.isArray(ra) ? ra[0] : ra };
    }
    // No answer (connection refused, reset, time-out).
    return { status: undefined, retryAfter: undefined };
  }
}
