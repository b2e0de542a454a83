import * as z from 'zod/mini';
import { apiFunction } from '../http/api-handler';
import { dispatch } from '../http/dispatch';
import { requireFunctionTables } from '../manifest';
import { findLink } from '../store/link-store';
import { reminderState, subscribe, unsubscribe } from '../usecases/reminders/subscribe';
import { config } from './runtime-config';

/**
 * /api/me/pengingat: an ASN switches reminders on or off for a device. Its own function:
 * with the sender, the only one that may read the VAPID key's parameter.
 */

requireFunctionTables('reminders');

// The hash the link is stored under comes with the caller: a subscription is kept with it.
const route = apiFunction('reminders', { caller: async (tokenHash) => {
  const link = await findLink(tokenHash);
  return link && { ...link, tokenHash };
} });

/** The subscription's own checks (https, key lengths) are core/reminder.ts's, with Indonesian reasons. */
const subscribeBody = z.object({ langganan: z.unknown() }, { error: 'harus objek JSON' });
const unsubscribeBody = z.object({ endpoint: z.string().check(z.maxLength(1024, 'paling panjang 1024 karakter')) }, { error: 'harus objek JSON' });

export const handler = dispatch('reminders', [
  route('GET /api/me/pengingat', {}, async ({ who, now, reply }) => reply(200, await reminderState(who, config, now))),
  route('PUT /api/me/pengingat', { body: subscribeBody, maxBodyBytes: 4096 }, async ({ who, body, now, reply }) =>
    reply(200, await subscribe(who, body.langganan, config, now)),
  ),
  route('DELETE /api/me/pengingat', { body: unsubscribeBody, maxBodyBytes: 2048 }, async ({ who, body, now, reply }) =>
    reply(200, await unsubscribe(who, body.endpoint, config, now)),
  ),
]);
