import * as z from 'zod/mini';
import { apiFunction } from '../http/api-handler';
import { dispatch } from '../http/dispatch';
import { pathParam, queryParam } from '../http/params';
import { requireFunctionTables } from '../manifest';
import { answerReadiness, asnPage } from '../usecases/asn-page';
import { callerOf } from '../usecases/caller';
import { registerDevice } from '../usecases/device';
import { ticketSecretsFrom } from '../runtime/ticket-secrets';
import { giveLateReason } from '../usecases/late-reason';
import { monthOf, myHistory } from '../usecases/my-history';
import { config } from './runtime-config';
import { freeText } from './text-schema';

/** An ASN's own page (usecases/asn-page.ts). */

requireFunctionTables('me');

const route = apiFunction('me', { caller: callerOf });
const presence = { secrets: ticketSecretsFrom(), config };
// Their fields are checked by core/presence.ts, each with its own code and message.
const deviceBody = z.object({ kunci: z.unknown() }, { error: 'harus objek JSON seperti {"kunci": {kty, crv, x, y}}' });
const readinessBody = z.optional(
  z.object(
    { bukti: z.optional(z.object({ tiket: z.unknown(), tanda: z.unknown(), kunci: z.optional(z.unknown()) }, { error: 'harus objek {tiket, tanda, kunci?}' })) },
    { error: 'harus objek JSON' },
  ),
);

const lateReasonBody = z.object({ alasan: freeText('note', 200, 3) }, { error: 'harus objek JSON' });

export const handler = dispatch('me', [
  route('GET /api/me', {}, async ({ who, now, reply }) => reply(200, await asnPage(who, now, config, presence))),
  route('POST /api/perangkat', { body: deviceBody }, async ({ who, body, now, reply }) => {
    const answer = await registerDevice(who, body.kunci, now);
    return reply(answer.status === 'terikat' ? 200 : 202, answer);
  }),
  route('GET /api/me/riwayat', {}, async ({ event, who, now, reply }) =>
    reply(200, await myHistory(who, monthOf(queryParam(event, 'bulan'), now, config), now, config)),
  ),
  route('PUT /api/me/alasan/{sesiId}', { body: lateReasonBody }, async ({ event, who, body, now, reply }) =>
    reply(200, await giveLateReason(who, pathParam(event, 'sesiId'), body.alasan, now, config)),
  ),
  route('POST /api/kesiapan/{cekId}', { body: readinessBody }, async ({ event, who, body, now, reply }) => {
    const { dijawabPada, repeat } = await answerReadiness(who, pathParam(event, 'cekId'), now, body?.bukti, presence);
    return reply(repeat ? 200 : 201, { dijawabPada });
  }),
]);
