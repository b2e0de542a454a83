import { apiFunction } from '../../http/api-handler';
import { pathParam } from '../../http/params';
import { callerOf } from '../../usecases/caller';
import { opdInScope } from '../../usecases/opd/scope';
import { nudge } from '../../usecases/reminders/nudge';
import { config } from '../runtime-config';

/** "Kirim pengingat" on the live roll (usecases/reminders/nudge.ts). */

const route = apiFunction('opd', { caller: callerOf, scope: opdInScope });

export const reminderRoutes = [
  route('POST /api/opd/{opd}/apel/{sesiId}/pengingat', {}, async ({ event, who, scope, now, reply }) =>
    reply(201, await nudge(who, scope, pathParam(event, 'sesiId'), now, config)),
  ),
];
