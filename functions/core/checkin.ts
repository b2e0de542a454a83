import type { ReportRule } from './config';
import { Conflict, InvalidInput } from './errors';
import type { SesiSlot, SesiWindow } from './sesi';
import { SLOT_LABELS } from './sesi';

export type CheckinStatus = 'hadir' | 'terlambat';

export interface OpenSesi extends SesiWindow {
  slot: SesiSlot;
  state: 'dibuka' | 'ditutup';
}

/**
 * The rule of the hot path: the server's clock against the sesi's window.
 * On time through the whole minute of `onTimeUntil` (the page says "Tepat waktu sampai
 * 07.30", so 07:30:59 is still on time), late from the next minute (`lateFrom`), refused
 * from `closesAt` on. `formatClock` renders a time for the message in the regency's zone.
 */
export function decideCheckin(now: Date, sesi: OpenSesi, formatClock: (d: Date) => string): CheckinStatus {
  const label = SLOT_LABELS[sesi.slot].toLowerCase();
  const t = now.getTime();
  if (t < sesi.opensAt.getTime()) {
    throw new Conflict('SESI_BELUM_DIBUKA', `Ini belum waktunya: ${label} dibuka pukul ${formatClock(sesi.opensAt)}.`);
  }
  if (sesi.state === 'ditutup' || t >= sesi.closesAt.getTime()) {
    throw new Conflict('SESI_SUDAH_DITUTUP', `${capitalise(label)} sudah ditutup pukul ${formatClock(sesi.closesAt)}.`);
  }
  return t < lateFrom(sesi.onTimeUntil.getTime()) ? 'hadir' : 'terlambat';
}

/**
 * A late ASN may leave a short reason for the head, from their check-in until the apel
 * closes (the close copies it into the recap). Refused for an on-time check-in, none at
 * all, or once the apel is closed.
 */
export function checkLateReason(now: Date, sesi: OpenSesi | undefined, status: CheckinStatus | undefined, formatClock: (d: Date) => string): void {
  if (!status || !sesi) throw new Conflict('BELUM_PRESENSI', 'Anda belum presensi pada apel ini.');
  if (status !== 'terlambat') throw new Conflict('TIDAK_TERLAMBAT', 'Presensi Anda tepat waktu: tidak perlu alasan terlambat.');
  if (sesi.state === 'ditutup' || now.getTime() >= sesi.closesAt.getTime()) {
    throw new Conflict('SESI_SUDAH_DITUTUP', `Apel sudah ditutup pukul ${formatClock(sesi.closesAt)}: alasan tidak dapat dikirim lagi. Sampaikan langsung kepada pimpinan Anda.`);
  }
}

/** The first late instant: the minute after the one `onTimeUntil` falls in (07:30 → 07:31:00). */
export function lateFrom(onTimeUntil: number): number {
  return Math.floor(onTimeUntil / 60_000) * 60_000 + 60_000;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The work plan (pagi) or output (sore) an ASN states at check-in: trimmed, empty
 * means none; refused when the config requires one and it is missing. The demo
 * apel never requires it.
 */
export function reportFor(slot: SesiSlot, text: string | undefined, rule: ReportRule): string | undefined {
  const laporan = text?.trim().replace(/\s+/g, ' ') || undefined;
  if (rule === 'tidak') return undefined;
  if (!laporan && rule === 'wajib' && slot !== 'demo') {
    throw new InvalidInput(
      'LAPORAN_WAJIB',
      slot === 'pagi' ? 'Tuliskan rencana kerja hari ini sebelum presensi.' : 'Tuliskan hasil kerja hari ini sebelum presensi.',
    );
  }
  return laporan;
}
