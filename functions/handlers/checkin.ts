import * as z from 'zod/mini';
import { clockIn } from '../core/format';
import { parseSesiId } from '../core/sesi';
import { apiHandler } from '../http/api-handler';
import { bearerTokenHash } from '../http/auth';
import { json } from '../http/response';
import { requireTables } from '../store/tables';
import { checkIn } from '../usecases/check-in';
import { config } from './runtime-config';

/** POST /api/checkins — the hot path; see usecases/check-in.ts. */

requireTables('links', 'sessions', 'checkins');

const SESI_FORMAT = 'harus berbentuk YYYY-MM-DD.pagi atau YYYY-MM-DD.sore';
const body = z.object(
  {
    sesiId: z.string({ error: SESI_FORMAT }).check(z.refine((id) => parseSesiId(id) !== undefined, SESI_FORMAT)),
    laporan: z.optional(z.string({ error: 'harus teks' }).check(z.maxLength(500, 'paling banyak 500 karakter'))),
    seragam: z.optional(z.boolean({ error: 'harus true atau false' })),
  },
  { error: 'harus objek JSON seperti {"sesiId": "2026-11-30.pagi"}' },
);

const clock = clockIn(config.timeZone);

export const handler = apiHandler(body, async ({ event, body, now }) => {
  const result = await checkIn(bearerTokenHash(event), body.sesiId, now, clock, {
    laporan: body.laporan,
    seragam: body.seragam,
    laporanRule: (slot) => (slot === 'demo' ? 'opsional' : config.laporan[slot]),
  });
  return json(result.repeat ? 200 : 201, result);
});
