import type { Code } from './attendance';
import { codeTotals } from './attendance';
import type { ApelConfig } from './config';

/**
 * The TPP month (tambahan penghasilan pegawai): per ASN the count of each recap code over
 * the month's closed apel, the minutes late of each TL in its band (TL1–TL4), and the
 * deduction percent that follows from the regency's rules (config `tpp`). The regency's
 * Peraturan Bupati decides the rules; the defaults (core/config.ts) are those of Peraturan
 * Menteri Pertanian Nomor 68 Tahun 2012 (tunjangan kinerja): late TL1 1–30 minutes 0,5 %,
 * TL2 31–60 1 %, TL3 61–90 1,5 %, TL4 91 minutes or more "dan atau tidak mengisi daftar
 * hadir" 2 % — so an apel missed without reason (TK: no check-in, no excuse) counts as not
 * signing the attendance list, 2 %. Excused codes (I, S, C, DL, TB) and a disruption the
 * admin declared (DB) deduct nothing here. The month's total is capped (`batasBulananPersen`).
 *
 * Pure: the use case (usecases/tpp/month.ts) gives the codes from the heads' recaps.
 */

export type TppRules = ApelConfig['tpp'];
export const TL_BANDS = ['TL1', 'TL2', 'TL3', 'TL4'] as const;
export type TlBand = (typeof TL_BANDS)[number];

/** The band of a late check-in by its minutes late (1 = the first minute after the on-time limit). */
export function tlBand(minutesLate: number, rules: TppRules): TlBand {
  const [b1, b2, b3] = rules.tlBatasMenit;
  if (minutesLate <= b1) return 'TL1';
  if (minutesLate <= b2) return 'TL2';
  if (minutesLate <= b3) return 'TL3';
  return 'TL4';
}

export interface TppRow {
  jumlah: Record<Code, number>;
  tl: Record<TlBand, number>;
  /** Sum of minutes late over the month. */
  menitTerlambat: number;
  /** Before the cap. */
  potonganKotor: number;
  /** The deduction in percent of the month's TPP, capped, two decimals. */
  potongan: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * One ASN's month. `codes` are their codes per apel; `lateMinutes` the minutes late of each
 * TL (one entry per TL code; a TL whose minutes are unknown counts as TL1).
 */
export function tppRow(codes: Iterable<Code>, lateMinutes: readonly number[], rules: TppRules): TppRow {
  const jumlah = codeTotals(codes);
  const tl: Record<TlBand, number> = { TL1: 0, TL2: 0, TL3: 0, TL4: 0 };
  for (const m of lateMinutes) tl[tlBand(m, rules)]++;
  // TL codes without known minutes (should not happen: every TL has a check-in time) count as the mildest band.
  tl.TL1 += Math.max(0, jumlah.TL - lateMinutes.length);
  const kotor = jumlah.TK * rules.persenTk + TL_BANDS.reduce((sum, b, i) => sum + tl[b] * (rules.persenTl[i] ?? 0), 0);
  return {
    jumlah,
    tl,
    menitTerlambat: lateMinutes.reduce((a, b) => a + b, 0),
    potonganKotor: round2(kotor),
    potongan: round2(Math.min(kotor, rules.batasBulananPersen)),
  };
}

/** The month a `bulan` names (YYYY-MM): its first and last dates. */
export function monthRange(bulan: string): { dari: string; sampai: string } {
  const [y, m] = bulan.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { dari: `${bulan}-01`, sampai: `${bulan}-${String(last).padStart(2, '0')}` };
}
