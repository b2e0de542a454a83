import type { CheckinStatus } from './checkin';
import type { SesiPlan, SesiSlot } from './sesi';
import { SLOT_LABELS } from './sesi';

/** What an ASN sees of one sesi: its window, whether it is open now, and their status in it. */
export interface SesiView {
  id: string;
  date: string;
  slot: SesiSlot;
  label: string;
  opensAt: string;
  onTimeUntil: string;
  closesAt: string;
  state: 'terjadwal' | 'dibuka' | 'ditutup';
  demo: boolean;
  status: CheckinStatus | 'tidak_hadir' | 'belum';
  checkedInAt: string | null;
  /** The work plan or output the ASN stated with the check-in. */
  laporan: string | null;
  seragamDikonfirmasi: boolean | null;
}

export interface OpenedSesi extends SesiPlan {
  state: 'dibuka' | 'ditutup';
  demo: boolean;
}

/**
 * Merges the plan (from config and calendar) with what actually happened (opened sesi
 * and this ASN's check-ins). A planned sesi that was never opened and is already over
 * did not take place and is left out, so nobody is shown absent from an apel that
 * never opened.
 */
export function sesiViews(
  now: Date,
  planned: readonly SesiPlan[],
  opened: readonly OpenedSesi[],
  checkins: ReadonlyMap<string, { status: CheckinStatus; at: string; laporan?: string; seragam?: boolean }>,
): SesiView[] {
  const byId = new Map<string, SesiPlan & Partial<OpenedSesi>>(planned.map((p) => [p.id, p]));
  for (const o of opened) byId.set(o.id, o);
  const t = now.getTime();
  const views: SesiView[] = [];
  for (const s of byId.values()) {
    const over = s.state === 'ditutup' || t >= s.closesAt.getTime();
    if (!s.state && over) continue;
    const state = over ? 'ditutup' : s.state && t >= s.opensAt.getTime() ? 'dibuka' : 'terjadwal';
    const checkin = checkins.get(s.id);
    views.push({
      id: s.id,
      date: s.date,
      slot: s.slot,
      label: SLOT_LABELS[s.slot],
      opensAt: s.opensAt.toISOString(),
      onTimeUntil: s.onTimeUntil.toISOString(),
      closesAt: s.closesAt.toISOString(),
      state,
      demo: s.demo ?? false,
      status: checkin?.status ?? (state === 'ditutup' ? 'tidak_hadir' : 'belum'),
      checkedInAt: checkin?.at ?? null,
      laporan: checkin?.laporan ?? null,
      seragamDikonfirmasi: checkin?.seragam ?? null,
    });
  }
  return views.sort((a, b) => a.opensAt.localeCompare(b.opensAt));
}
