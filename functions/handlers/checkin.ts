import * as z from 'zod/mini';
import { decideCheckin } from '../core/checkin';
import { Conflict } from '../core/errors';
import { clockIn } from '../core/format';
import { parseSesiId } from '../core/sesi';
import { apiHandler } from '../http/api-handler';
import { bearerTokenHash, LINK_INVALID } from '../http/auth';
import { json } from '../http/response';
import { findCheckin, loadLinkAndSesi, recordCheckin } from '../store/checkin-store';
import { config } from './runtime-config';

/**
 * POST /api/checkins — the hot path. Two DynamoDB round trips: one BatchGetItem for
 * the link and the sesi, one conditional PutItem. Refusals write nothing.
 */

const body = z.object({
  sesiId: z.string().check(z.refine((id) => parseSesiId(id) !== undefined, 'harus berbentuk YYYY-MM-DD.pagi atau .sore')),
});

const clock = clockIn(config.timeZone);

export const handler = apiHandler(body, async ({ event, body, now }) => {
  const { link, sesi } = await loadLinkAndSesi(bearerTokenHash(event), body.sesiId);
  if (!link) throw LINK_INVALID();
  if (!sesi) throw new Conflict('SESI_TIDAK_ADA', 'Apel ini tidak dibuka: bukan hari apel WFA atau belum dijadwalkan.');

  let status;
  try {
    status = decideCheckin(now, sesi, clock);
  } catch (refusal) {
    // A retry that arrives after the close must still learn it was recorded.
    const earlier = refusal instanceof Conflict ? await findCheckin(sesi.id, link.opd, link.nip) : undefined;
    if (earlier) return json(200, { checkin: earlier, repeat: true });
    throw refusal;
  }

  const result = await recordCheckin({ sesiId: sesi.id, nip: link.nip, opd: link.opd, status, at: now.toISOString() });
  return json(result.repeat ? 200 : 201, result);
});
