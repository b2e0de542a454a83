/**
 * Reminders (pengingat, functions/core/reminder.ts): the ASN switches Web Push on and off
 * for a device on their page, and a head sends "Kirim pengingat" from the live roll.
 */
import type { Endpoint, Instant, NoRequest } from './common';

type OpdParams = { opd: string };

/** What the browser's `PushSubscription.toJSON()` gives (checked on the server: https, key lengths). */
export interface PushSubscriptionInput {
  endpoint: string;
  expirationTime?: number | null;
  keys: { p256dh: string; auth: string };
}

/** The ASN's reminders: the key to subscribe with and the devices subscribed (never their endpoints). */
export interface ReminderState {
  /** The VAPID public key (base64url): `applicationServerKey` of `pushManager.subscribe`. */
  kunciPublik: string;
  /** The devices of this link, oldest first, at most `maksPerangkat`; `id` is the first 16 hex digits of sha256(endpoint). */
  perangkat: { id: string; dibuat: Instant }[];
  maksPerangkat: number;
  /** Minutes before the on-time limit of the reminder to those not yet checked in (0: none). */
  menitSebelumTerlambat: number;
}

/** "Kirim pengingat": who was not yet checked in, and how many of them had switched reminders on. */
export interface NudgeSent {
  dikirimPada: Instant;
  belumHadir: number;
  berlangganan: number;
}

export interface ReminderRoutes {
  'GET /api/me/pengingat': Endpoint<NoRequest, ReminderState>;
  'PUT /api/me/pengingat': Endpoint<{ body: { langganan: PushSubscriptionInput } }, ReminderState>;
  'DELETE /api/me/pengingat': Endpoint<{ body: { endpoint: string } }, ReminderState>;
  'POST /api/opd/{opd}/apel/{sesiId}/pengingat': Endpoint<{ params: OpdParams & { sesiId: string } }, NudgeSent>;
}
