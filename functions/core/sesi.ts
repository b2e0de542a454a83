import type { ApelConfig, Slot, SlotTimes } from './config';
import { SLOTS } from './config';
import { Conflict } from './errors';
import type { IsoDate } from './time';
import { addDays, localDate, weekdayOf, zonedInstant } from './time';

/**
 * Apel sesi: one apel on one date. Which dates have an apel, and the window of each,
 * follow from the config (WFA weekdays, slot times) and the holiday calendar.
 */

/** `demo` exists only in the local runtime's demo mode; AWS schedules never open it. */
export type SesiSlot = Slot | 'demo';

export interface Holiday {
  date: IsoDate;
  jenis: 'libur_nasional' | 'cuti_bersama';
  keterangan: string;
}

/**
 * What the admin set for one date in the calendar: an extra apel day (both apel open,
 * whatever the weekday or holiday list says), slots cancelled with a reason, and
 * changed times of a slot.
 */
export interface SpecialDay {
  date: IsoDate;
  tambahan: { keterangan: string } | null;
  batal: Partial<Record<Slot, string>>;
  waktu: Partial<Record<Slot, SlotTimes>>;
}

export function isEmptySpecialDay(day: SpecialDay): boolean {
  return day.tambahan === null && Object.keys(day.batal).length === 0 && Object.keys(day.waktu).length === 0;
}

export interface SesiWindow {
  opensAt: Date;
  onTimeUntil: Date;
  closesAt: Date;
}

export interface SesiPlan extends SesiWindow {
  id: string;
  date: IsoDate;
  slot: SesiSlot;
}

export const SLOT_LABELS: Record<SesiSlot, string> = {
  pagi: 'Apel Pagi',
  sore: 'Apel Sore',
  demo: 'Apel Percobaan',
};

export function sesiId(date: IsoDate, slot: SesiSlot): string {
  return `${date}.${slot}`;
}

const SESI_ID = /^(\d{4}-\d{2}-\d{2})\.(pagi|sore|demo)$/;

export function parseSesiId(id: string): { date: IsoDate; slot: SesiSlot } | undefined {
  const m = SESI_ID.exec(id);
  return m ? { date: m[1] as IsoDate, slot: m[2] as SesiSlot } : undefined;
}

/**
 * The uniform of a date (config `seragam`), or null. The local demo apel behaves like a WFA
 * day: on a weekday without one it asks for the first uniform the config names, so the
 * confirmation and the head's "tidak patuh" mark can be tried on any day.
 */
export function uniformOf(config: ApelConfig, date: IsoDate, demo: boolean): string | null {
  return config.seragam[weekdayOf(date)] ?? (demo ? (Object.values(config.seragam)[0] ?? null) : null);
}

/** A WFA day is a configured weekday that is not a national holiday or cuti bersama. */
export function isWfaDay(date: IsoDate, config: ApelConfig, holiday?: Holiday): boolean {
  return config.wfaDays.includes(weekdayOf(date)) && holiday === undefined;
}

/** The window of a slot on a date: the config's times, or the times the admin set for that date. */
export function sesiWindow(date: IsoDate, slot: Slot, config: ApelConfig, times?: SlotTimes): SesiWindow {
  const t = times ?? config.slots[slot];
  return {
    opensAt: zonedInstant(date, t.opens, config.timeZone),
    onTimeUntil: zonedInstant(date, t.onTimeUntil, config.timeZone),
    closesAt: zonedInstant(date, t.closes, config.timeZone),
  };
}

/**
 * The apel planned on a date: both slots on a WFA day that is not a holiday, or on an
 * extra apel day the admin added; minus the slots the admin cancelled; at the times
 * the admin set for that date, else the config's.
 */
export function plannedSesi(date: IsoDate, config: ApelConfig, holiday?: Holiday, special?: SpecialDay): SesiPlan[] {
  if (!special?.tambahan && !isWfaDay(date, config, holiday)) return [];
  return SLOTS.filter((slot) => special?.batal[slot] === undefined).map((slot) => ({
    id: sesiId(date, slot),
    date,
    slot,
    ...sesiWindow(date, slot, config, special?.waktu[slot]),
  }));
}

/** Planned sesi that have not closed yet, from `now` over the next `days` days. */
export function upcomingSesi(
  now: Date,
  days: number,
  config: ApelConfig,
  holidays: ReadonlyMap<IsoDate, Holiday>,
  specialDays: ReadonlyMap<IsoDate, SpecialDay> = new Map(),
): SesiPlan[] {
  const today = localDate(now, config.timeZone);
  const plans: SesiPlan[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(today, i);
    plans.push(...plannedSesi(date, config, holidays.get(date), specialDays.get(date)));
  }
  return plans.filter((p) => p.closesAt.getTime() > now.getTime());
}

/**
 * A disruption the admin declared for a sesi (the network was down, the meeting link
 * failed): `perpanjang` extends the window by `menit`; `bebaskan` means nobody in it
 * is marked late or absent. Stored on the sesi record; the recap reads it.
 */
export interface DeclaredDisruption {
  mode: 'perpanjang' | 'bebaskan';
  keterangan: string;
  /** Minutes added to the window (all `perpanjang` declarations together). */
  menit?: number;
  /** NIP of the admin who declared it. */
  oleh: string;
  at: string;
}

export const MAX_EXTENSION_MINUTES = 120;

/**
 * The rule of a declaration: an extension only while the sesi is still open (the
 * clock closes it a minute after `closesAt`), and it moves `closesAt` on from where
 * it is; freeing everyone works on an open or a closed sesi, and is final.
 */
export function applyDisruption(
  sesi: { state: 'dibuka' | 'ditutup'; closesAt: Date; gangguan?: DeclaredDisruption | undefined },
  input: { mode: 'perpanjang'; menit: number; keterangan: string } | { mode: 'bebaskan'; keterangan: string },
  oleh: string,
  now: Date,
): { gangguan: DeclaredDisruption; closesAt: Date } {
  if (sesi.gangguan?.mode === 'bebaskan') {
    throw new Conflict('SUDAH_DIBEBASKAN', 'Sesi ini sudah dinyatakan bebas: tidak ada yang dicatat terlambat atau tidak hadir.');
  }
  const at = now.toISOString();
  if (input.mode === 'bebaskan') {
    return {
      gangguan: { mode: 'bebaskan', keterangan: input.keterangan, ...(sesi.gangguan?.menit ? { menit: sesi.gangguan.menit } : {}), oleh, at },
      closesAt: sesi.closesAt,
    };
  }
  if (sesi.state === 'ditutup') {
    throw new Conflict('SESI_SUDAH_DITUTUP', 'Sesi ini sudah ditutup dan rekapnya dibuat; waktunya tidak bisa diperpanjang lagi. Pilih "bebaskan" bila perlu.');
  }
  const menit = (sesi.gangguan?.menit ?? 0) + input.menit;
  if (menit > MAX_EXTENSION_MINUTES) {
    throw new Conflict('PERPANJANGAN_TERLALU_LAMA', `Perpanjangan seluruhnya paling lama ${MAX_EXTENSION_MINUTES} menit (sudah ${menit - input.menit} menit).`);
  }
  return {
    gangguan: { mode: 'perpanjang', keterangan: input.keterangan, menit, oleh, at },
    closesAt: new Date(sesi.closesAt.getTime() + input.menit * 60_000),
  };
}
