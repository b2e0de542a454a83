import * as z from 'zod/mini';
import { apiFunction } from '../../http/api-handler';
import { pathParam } from '../../http/params';
import { callerOf } from '../../usecases/caller';
import { decideDevice } from '../../usecases/device';
import { opdInScope } from '../../usecases/opd/scope';

/** A head's (or an admin's) one tap on a new phone's request (usecases/device.ts). */

const route = apiFunction('opd', { caller: callerOf, scope: opdInScope });

const decisionBody = z.object(
  {
    kid: z.string({ error: 'harus teks' }).check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'harus sidik kunci perangkat (43 karakter)')),
    setuju: z.boolean({ error: 'harus true (setujui) atau false (tolak)' }),
  },
  { error: 'harus objek JSON seperti {"kid": "…", "setuju": true}' },
);

export const deviceRoutes = [
  route('POST /api/opd/{opd}/perangkat/{nip}', { body: decisionBody }, async ({ event, who, scope, body, now, reply }) =>
    reply(200, await decideDevice(who, scope, pathParam(event, 'nip'), body.kid, body.setuju, now)),
  ),
];
