/**
 * Taps kept on the phone while there is no network (issue 15): each already signed by the
 * device key with its window ticket and the elapsed time at the tap, so it counts when it was
 * made. Sent by the page on `online` and on the next open, and by the service worker on
 * Background Sync (web/src/sw.ts), whichever comes first: the server answers a repeat with
 * the first check-in, so sending twice is harmless. One per sesi: the first tap is kept.
 */
import type { Checkin, CheckinRequest } from '../../../contract';
import { idbAll, idbDelete, idbGet, idbPut } from './idb';

export interface Kept {
  sesiId: string;
  token: string;
  body: CheckinRequest;
  /** The phone's clock when it was kept: shown, never sent. */
  keptAt: number;
}

export const SYNC_TAG = 'kirim-presensi';

export async function keep(entry: Kept): Promise<void> {
  if (!(await idbGet('antrean', entry.sesiId))) await idbPut('antrean', entry.sesiId, entry);
}

export const keptTaps = () => idbAll<Kept>('antrean');

export type Delivery = { sesiId: string } & ({ checkin: Checkin } | { error: string } | { later: true });

/** Sends every kept tap: delivered (2xx) or refused (4xx) ones leave the phone; on no network or 5xx they stay. */
export async function sendKept(): Promise<Delivery[]> {
  const out: Delivery[] = [];
  for (const k of await keptTaps()) {
    // Tapped on a page opened without network: the page signs it with a fresh ticket first (Checkin/presence.tsx).
    if (!k.body.bukti) {
      out.push({ sesiId: k.sesiId, later: true });
      continue;
    }
    try {
      const res = await fetch('/api/checkins', {
        method: 'POST',
        headers: { Authorization: `Bearer ${k.token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(k.body),
        cache: 'no-store',
      });
      if (res.status >= 500 || res.status === 429 || res.status === 408) {
        out.push({ sesiId: k.sesiId, later: true });
        continue;
      }
      const body = (await res.json().catch(() => ({}))) as { checkin?: Checkin; error?: { message?: string } };
      await idbDelete('antrean', k.sesiId);
      out.push(body.checkin ? { sesiId: k.sesiId, checkin: body.checkin } : { sesiId: k.sesiId, error: body.error?.message ?? `Ditolak server (${res.status}).` });
    } catch {
      out.push({ sesiId: k.sesiId, later: true });
    }
  }
  return out;
}
