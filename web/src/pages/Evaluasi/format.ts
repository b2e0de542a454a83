/** Numbers as an Indonesian reader writes them (id-ID): 92,5 %, 1.234, "—" for nothing to show. */

import { angka } from '../../lib/number';

/** One decimal always shown, so a column of percentages lines up: `92,0 %`. */
const one = (v: number) => angka(v, 1, true);

export const NONE = '—';

export const pct = (v: number | null | undefined) => (v === null || v === undefined ? NONE : `${one(v * 100)} %`);
export const count = (v: number | null | undefined) => (v === null || v === undefined ? NONE : angka(v));
export const minutes = (v: number | null | undefined) => (v === null || v === undefined ? NONE : `${angka(v)} mnt`);
export const seconds = (ms: number | null | undefined) => (ms === null || ms === undefined ? NONE : `${one(ms / 1000)} dtk`);

/** The change from the previous period, in percentage points: "+2,1 poin". */
export function delta(now: number | null, before: number | null): string {
  if (now === null || before === null) return '';
  const d = (now - before) * 100;
  if (Math.abs(d) < 0.05) return 'tetap';
  return `${d > 0 ? '+' : '−'}${one(Math.abs(d))} poin`;
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** `2026-11-30` → `30 November 2026`. */
export function dateLong(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** `2026-11-30` → `30/11`. */
export const dateShort = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;

export const periodText = (p: { dari: string; sampai: string }) => `${dateLong(p.dari)} – ${dateLong(p.sampai)}`;
