import type { Slot, SlotTimes, SpecialDay, SpecialDayInput } from '../../../../../contract';
import { formatClock } from '../../../lib/date-input';

export const SLOTS: Slot[] = ['pagi', 'sore'];
export const SLOT_LABEL: Record<Slot, string> = { pagi: 'Apel pagi', sore: 'Apel sore' };

/** The form's state for one date's settings; what is switched off is not sent. */
export interface SpecialDayDraft {
  tanggal: string;
  tambahan: boolean;
  keterangan: string;
  batal: Record<Slot, { on: boolean; alasan: string }>;
  waktu: Record<Slot, { on: boolean; times: SlotTimes }>;
}

export function draftOf(tanggal: string, defaults: Record<Slot, SlotTimes>, hari?: SpecialDay): SpecialDayDraft {
  const slot = (s: Slot) => ({
    batal: { on: hari?.batal?.[s] !== undefined, alasan: hari?.batal?.[s] ?? '' },
    waktu: { on: hari?.waktu?.[s] !== undefined, times: { ...(hari?.waktu?.[s] ?? defaults[s]) } },
  });
  return {
    tanggal,
    tambahan: !!hari?.tambahan,
    keterangan: hari?.tambahan?.keterangan ?? '',
    batal: { pagi: slot('pagi').batal, sore: slot('sore').batal },
    waktu: { pagi: slot('pagi').waktu, sore: slot('sore').waktu },
  };
}

export function inputOf(d: SpecialDayDraft): SpecialDayInput {
  const input: SpecialDayInput = {};
  if (d.tambahan) input.tambahan = { keterangan: d.keterangan.trim() };
  const batal = SLOTS.filter((s) => d.batal[s].on);
  if (batal.length) input.batal = Object.fromEntries(batal.map((s) => [s, d.batal[s].alasan.trim()]));
  const waktu = SLOTS.filter((s) => d.waktu[s].on && !d.batal[s].on);
  if (waktu.length) input.waktu = Object.fromEntries(waktu.map((s) => [s, d.waktu[s].times]));
  return input;
}

/** One line per setting, for the list: "Apel pagi dibatalkan: …", "Apel sore 14.45–15.30". */
export function describe(h: SpecialDay): string[] {
  const lines: string[] = [];
  if (h.tambahan) lines.push(`Hari apel tambahan: ${h.tambahan.keterangan}`);
  for (const s of SLOTS) {
    const alasan = h.batal?.[s];
    if (alasan !== undefined) lines.push(`${SLOT_LABEL[s]} dibatalkan${alasan ? `: ${alasan}` : ''}`);
    const w = h.waktu?.[s];
    if (w) lines.push(`${SLOT_LABEL[s]} ${formatClock(w.opens)}–${formatClock(w.closes)}, tepat waktu s.d. ${formatClock(w.onTimeUntil)}`);
  }
  return lines;
}
