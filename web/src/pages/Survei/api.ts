/**
 * The public survey's API (contract/survey.ts): no personal link, so no token is sent. Only
 * this lazily loaded page imports it.
 */
import type { ResponseOf, SurveyInput } from '../../../../contract';
import { ApiError, request } from '../../lib/api';

const base = (opd: string) => `/survei/${encodeURIComponent(opd)}`;

export async function getSurveyForm(opd: string) {
  return (await request<ResponseOf<'GET /api/survei/{opd}'>>('GET', base(opd), '')).body;
}

/**
 * Sent again after a lost answer: the server keeps one answer per device, OPD and day, so a
 * repeat answers 409 "sudah tercatat", which the page shows as the thank-you it is.
 */
export async function sendSurvey(opd: string, input: SurveyInput, onRetry?: (attempt: number) => void) {
  try {
    return (await request<ResponseOf<'POST /api/survei/{opd}'>>('POST', base(opd), '', input, { attempts: 3, onRetry, lost: 'Jawaban belum terkirim. Periksa jaringan Anda, lalu kirim lagi.' })).body;
  } catch (e) {
    if (e instanceof ApiError && e.code === 'SURVEI_SUDAH_DIISI') return { tercatat: true as const, tanggal: '', sudah: e.message };
    throw e;
  }
}

export const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : 'Terjadi kesalahan. Coba lagi.');

/**
 * A random id of this browser, kept in localStorage: the server stores only its hash salted
 * with the OPD and the day (one answer per device, OPD and day). Not personal data: it is
 * made here, names nobody, and a new one can be made by clearing the browser's data.
 */
export function deviceId(): string {
  const KEY = 'skm-perangkat';
  try {
    const kept = localStorage.getItem(KEY);
    if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
  } catch {
    // private mode: a fresh id per visit
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const made = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  try {
    localStorage.setItem(KEY, made);
  } catch {
    // not kept: fine
  }
  return made;
}
