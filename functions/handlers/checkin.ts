import * as z from 'zod/mini';
import { clockIn } from '../core/format';
import { parseSesiId } from '../core/sesi';
import { apiFunction, bodyText, MAX_BODY_BYTES } from '../http/api-handler';
import { bodyBytes } from '../http/guards';
import { requireCheckinTables } from '../manifest';
import { checkIn, checkinCaller } from '../usecases/check-in';
import { ticketSecretsFrom } from '../runtime/ticket-secrets';
import { siteOf } from '../core/passkey';
import { siteUrl } from './admin/site-url';
import { config } from './runtime-config';
import { freeText } from './text-schema';

/** POST /api/checkins — the hot path; see usecases/check-in.ts. */

requireCheckinTables();

const SESI_FORMAT = 'harus berbentuk YYYY-MM-DD.pagi atau YYYY-MM-DD.sore';
const body = z.object(
  {
    sesiId: z.string({ error: SESI_FORMAT }).check(z.refine((id) => parseSesiId(id) !== undefined, SESI_FORMAT)),
    laporan: z.optional(freeText('note', 500)),
    seragam: z.optional(z.boolean({ error: 'harus true atau false' })),
    // Its fields are checked by core/presence.ts, each with its own code and message.
    bukti: z.optional(
      z.object(
        { tiket: z.unknown(), ms: z.unknown(), tanda: z.unknown(), kunci: z.optional(z.unknown()), passkey: z.optional(z.unknown()) },
        { error: 'harus objek {tiket, ms, tanda, kunci?, passkey?}' },
      ),
    ),
    jaringan: z.optional(
      z.object({
        ms: z.optional(z.number({ error: 'harus angka (ms)' }).check(z.int('harus bilangan bulat'), z.gte(0, 'tidak boleh negatif'), z.lte(600_000, 'paling besar 600000'))),
        ulang: z.optional(z.number({ error: 'harus angka' }).check(z.int('harus bilangan bulat'), z.gte(0, 'tidak boleh negatif'), z.lte(100, 'paling besar 100'))),
      }),
    ),
  },
  { error: 'harus objek JSON seperti {"sesiId": "2026-11-30.pagi"}' },
);

/** The sesi id the body names, if it is one, so the link and the sesi are read in one round trip. */
function namedSesi(event: Parameters<typeof bodyText>[0]): string | undefined {
  const raw = bodyText(event);
  if (bodyBytes(event) > MAX_BODY_BYTES) return undefined;
  try {
    const id = (JSON.parse(raw) as { sesiId?: unknown } | null)?.sesiId;
    return typeof id === 'string' && parseSesiId(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

const clock = clockIn(config.timeZone);
// Passkey mode: the RP id and origin WebAuthn assertions must name, from the site's configured address.
const presence = { secrets: ticketSecretsFrom(), config, site: config.buktiKehadiran === 'passkey' ? siteOf(siteUrl()) : undefined };
const route = apiFunction('checkin', { caller: (tokenHash, event) => checkinCaller(tokenHash, namedSesi(event)) });

export const handler = route('POST /api/checkins', { body }, async ({ who, body, now, reply }) => {
  const result = await checkIn(who, body.sesiId, now, clock, {
    laporan: body.laporan,
    seragam: body.seragam,
    jaringan: body.jaringan,
    laporanRule: (slot) => (slot === 'demo' ? 'opsional' : config.laporan[slot]),
  }, { proof: body.bukti, settings: presence });
  return reply(result.repeat ? 200 : 201, result);
});
