import * as z from 'zod/mini';
import { apiFunction } from '../http/api-handler';
import { dispatch } from '../http/dispatch';
import { pathParam, queryParam } from '../http/params';
import { requireFunctionTables } from '../manifest';
import { answerReadiness, asnPage } from '../usecases/asn-page';
import { callerOf } from '../usecases/caller';
import { giveLateReason } from '../usecases/late-reason';
import { monthOf, myHistory } from '../usecases/my-history';
import { config } from './runtime-config';
import { freeText } from './text-schema';

/** An ASN's own page (usecases/asn-page.ts). */

requireFunctionTables('me');

const route = apiFunction('me', { caller: callerOf });

const lateReasonBody = z.object({ alasan: freeText('note', 200, 3) }, { error: 'harus objek JSON' });

export const handler = dispatch('me', [
  route('GET /api/me', {}, async ({ who, now, reply }) => reply(200, await asnPage(who, now, config))),
  route('GET /api/me/riwayat', {}, async ({ event, who, now, reply }) =>
    reply(200, await myHistory(who, monthOf(queryParam(event, 'bulan'), now, config), now, config)),
  ),
  route('PUT /api/me/alasan/{sesiId}', { body: lateReasonBody }, async ({ event, who, body, now, reply }) =>
    reply(200, await giveLateReason(who, pathParam(event, 'sesiId'), body.alasan, now, config)),
  ),
  route('POST /api/kesiapan/{cekId}', {}, async ({ event, who, now, reply }) => {
    const { dijawabPada, repeat } = await answerReadiness(who, pathParam(event, 'cekId'), now);
    return reply(repeat ? 200 : 201, { dijawabPada });
  }),
]);
