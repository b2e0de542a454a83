import { createHash } from 'node:crypto';
import type { ApelConfig } from '../../core/config';
import { MAX_SUBSCRIPTIONS_PER_LINK, parseSubscription } from '../../core/reminder';
import type { StoredSubscription } from '../../core/reminder';
import { currentKey } from '../../core/vapid';
import { removeSubscriptions, saveSubscription, subscriptionsOf } from '../../store/reminder-store';
import { vapidKeys } from '../../store/vapid-key-store';
import type { ReminderState } from '../../../contract';

/** The ASN switching reminders on or off for one device (PUT / DELETE /api/me/pengingat). */

/** The link calling: its ASN and the hash it is stored under. */
export interface Subscriber {
  nip: string;
  tokenHash: string;
}

const deviceId = (endpoint: string) => createHash('sha256').update(endpoint).digest('hex').slice(0, 16);

async function state(subscriptions: readonly StoredSubscription[], config: ApelConfig, now: Date): Promise<ReminderState> {
  return {
    kunciPublik: currentKey(await vapidKeys(now)).publik,
    perangkat: subscriptions.map((s) => ({ id: deviceId(s.endpoint), dibuat: s.dibuat })),
    maksPerangkat: MAX_SUBSCRIPTIONS_PER_LINK,
    menitSebelumTerlambat: config.pengingatMenit,
  };
}

export async function reminderState(who: Subscriber, config: ApelConfig, now: Date): Promise<ReminderState> {
  const current = await subscriptionsOf(who.nip);
  return state(current && current.tokenHash === who.tokenHash ? current.langganan : [], config, now);
}

/** Checks the subscription (400, nothing stored, when malformed) and keeps it with the link, made with the current VAPID key. */
export async function subscribe(who: Subscriber, input: unknown, config: ApelConfig, now: Date): Promise<ReminderState> {
  const sub = parseSubscription(input);
  const kunci = currentKey(await vapidKeys(now)).publik;
  const kept = await saveSubscription(who.nip, who.tokenHash, { ...sub, kunci, dibuat: now.toISOString() });
  return state(kept, config, now);
}

export async function unsubscribe(who: Subscriber, endpoint: string, config: ApelConfig, now: Date): Promise<ReminderState> {
  await removeSubscriptions(who.nip, [endpoint]);
  return reminderState(who, config, now);
}
