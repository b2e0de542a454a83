import { apiFunction } from '../http/api-handler';
import { requireFunctionTables } from '../manifest';
import { callerOf } from '../usecases/caller';
import { upcomingApel } from '../usecases/schedule';
import { config } from './runtime-config';

/** GET /api/schedule — the coming apel and holidays (usecases/schedule.ts). */

requireFunctionTables('schedule');

const route = apiFunction('schedule', { caller: callerOf });

export const handler = route('GET /api/schedule', {}, async ({ now, reply }) => reply(200, await upcomingApel(now, config)));
