import { apiFunction } from '../http/api-handler';
import { dispatch } from '../http/dispatch';
import { pathParam, queryParam } from '../http/params';
import { requireFunctionTables } from '../manifest';
import { answerReadiness, asnPage } from '../usecases/asn-page';
import { callerOf } from '../usecases/caller';
import { monthOf, myHistory } from '../usecases/my-history';
import { config } from './runtime-config';

/** An ASN's own page (usecases/asn-page.ts). */

requireFunctionTables('me');

const route = apiFunction('me', { caller: callerOf });

export const handler = dispatch('me', [
  route('GET /api/me', {}, async ({ who, now, reply }) => reply(200, await asnPage(who, now, config))),
  route('GET /api/me/riwayat', {}, async ({ event, who, now, reply }) =>
    reply(200, await myHistory(who, monthOf(queryParam(event, 'bulan'), now, config), now, config)),
  ),
  route('POST /api/kesiapan/{cekId}', {}, async ({ event, who, now, reply }) => {
    const { dijawabPada, repeat } = await answerReadiness(who, pathParam(event, 'cekId'), now);
    return reply(repeat ? 200 : 201, { dijawabPada });
  }),
]);
