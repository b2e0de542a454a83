import type { Code } from '../core/attendance';
import { codeTotals } from '../core/attendance';
import type { ApelConfig } from '../core/config';
import { InvalidInput } from '../core/errors';
import type { SesiSlot } from '../core/sesi';
import { addDays, localDate } from '../core/time';
import type { Link } from '../store/link-store';
import { getOpd } from '../store/roster-store';
import { opdRecapsWithLateness } from './opd/recaps';

export interface MyHistory {
  bulan: string;
  apel: Array<{ sesiId: string; date: string; slot: SesiSlot; label: string; kode: Code; menitTerlambat: number | null }>;
  jumlah: Record<Code, number>;
  menitTerlambat: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month a `bulan` query names, else the current one in the regency's zone. */
export function monthOf(bulan: string | undefined, now: Date, config: ApelConfig): string {
  if (bulan === undefined) return localDate(now, config.timeZone).slice(0, 7);
  if (!MONTH.test(bulan)) throw new InvalidInput('INPUT_TIDAK_VALID', 'bulan: harus berbentuk YYYY-MM');
  return bulan;
}

/**
 * GET /api/me/riwayat — the ASN's closed apel of one month with the code the head's recap
 * gives them (usecases/opd/recaps.ts of their OPD, their row), minutes late as the TPP month
 * counts them (from the recap rows), and totals per code. Demo sesi (local demo mode) are no history.
 * The ASN's current OPD is read: apel from before a move to another OPD are not shown.
 */
export async function myHistory(link: Link, bulan: string, now: Date, config: ApelConfig): Promise<MyHistory> {
  const dari = `${bulan}-01`;
  const today = localDate(now, config.timeZone);
  const lastDay = addDays(`${addDays(dari, 31).slice(0, 7)}-01`, -1);
  const sampai = lastDay < today ? lastDay : today;
  const empty: MyHistory = { bulan, apel: [], jumlah: codeTotals([]), menitTerlambat: 0 };
  const opd = sampai < dari ? undefined : await getOpd(link.opd);
  if (!opd) return empty;
  const { recaps, menit } = await opdRecapsWithLateness(opd, dari, sampai);
  const mine = recaps.asn.find((a) => a.nip === link.nip);
  if (!mine) return empty;
  const real = recaps.sesi.filter((s) => s.slot !== 'demo' && mine.kode[s.id]);
  const apel = real.map((s) => {
    const kode = mine.kode[s.id] as Code;
    return { sesiId: s.id, date: s.date, slot: s.slot, label: s.label, kode, menitTerlambat: kode === 'TL' ? (menit.get(link.nip)?.get(s.id) ?? null) : null };
  });
  const jumlah = codeTotals([]);
  for (const a of apel) jumlah[a.kode]++;
  return { bulan, apel, jumlah, menitTerlambat: apel.reduce((sum, a) => sum + (a.menitTerlambat ?? 0), 0) };
}
