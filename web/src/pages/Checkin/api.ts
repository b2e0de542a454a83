/**
 * The check-in page's calls besides `/api/me` (lib/api.ts): the next apel, the check-in, and
 * "Saya siap" to a readiness check. Shapes in contract/me.ts and contract/checkin.ts.
 */
import type { CheckinRequest, ResponseOf } from '../../../../contract';
import { lastRequestMs, request } from '../../lib/api';

export async function getSchedule(token: string): Promise<ResponseOf<'GET /api/schedule'>> {
  return (await request<ResponseOf<'GET /api/schedule'>>('GET', '/schedule', token)).body;
}

/** What the ASN sends with a check-in besides the sesi (docs/api.md, "ASN additions"). */
export type CheckinExtras = Omit<CheckinRequest, 'sesiId'>;

/** Safe to retry: the server returns the first result for a repeated check-in. */
export async function postCheckin(
  token: string,
  sesiId: string,
  extras: CheckinExtras = {},
  onRetry?: (attempt: number) => void,
): Promise<ResponseOf<'POST /api/checkins'>> {
  // How the page's last request went (one number) and the retries so far: the evaluation's infrastructure figures.
  const body = (attempt: number): CheckinRequest => ({ sesiId, ...extras, jaringan: { ...(lastRequestMs === undefined ? {} : { ms: lastRequestMs }), ulang: attempt - 1 } });
  return (await request<ResponseOf<'POST /api/checkins'>>('POST', '/checkins', token, body, { onRetry })).body;
}

/** "Saya siap" to a readiness check; safe to retry (a repeat answers with the first time). */
export async function answerReadiness(token: string, cekId: string, signed?: object): Promise<ResponseOf<'POST /api/kesiapan/{cekId}'>> {
  return (await request<ResponseOf<'POST /api/kesiapan/{cekId}'>>('POST', `/kesiapan/${encodeURIComponent(cekId)}`, token, signed)).body;
}
