import type { SesiPlan, SesiSlot } from './sesi';

/**
 * The apel clock: one job that runs every minute (EventBridge Scheduler on AWS, the
 * local scheduler locally) and, from the day's plan (config + calendar, see
 * `plannedSesi`) and the sesi records that exist, decides what to do now: open a
 * planned sesi whose window has begun, and close an open sesi one minute after its
 * window ends, so a check-in accepted at the last instant is stored before the recap
 * is computed. It follows the calendar as it is at that minute, so a holiday added,
 * a slot cancelled, an extra day or changed times need no redeploy; and it closes
 * by the sesi record's own `closesAt`, so a window extended after a disruption
 * closes late. Opening and closing are idempotent, so a retried or repeated tick is
 * harmless.
 */

export const CLOSE_GRACE_MINUTES = 1;

export interface SesiState {
  id: string;
  date: string;
  slot: SesiSlot;
  state: 'dibuka' | 'ditutup';
  closesAt: Date;
  /** When the recap was made again after the time for taps kept on phones (see `reclose`). */
  luringDirekap?: string;
}

export type ClockAction =
  | { action: 'open'; plan: SesiPlan }
  | { action: 'close'; id: string; date: string; slot: SesiSlot }
  /** Once taps kept on phones without network can no longer arrive (`luringSampaiMenit` after the close), the recap is made again with them. */
  | { action: 'reclose'; id: string; date: string; slot: SesiSlot };

export function clockActions(now: Date, plans: readonly SesiPlan[], existing: readonly SesiState[], luringGraceMs = 0): ClockAction[] {
  const t = now.getTime();
  const known = new Set(existing.map((s) => s.id));
  const actions: ClockAction[] = [];
  for (const plan of plans) {
    // A window that has already ended without opening did not take place: opening it now
    // would only mark everyone absent from an apel nobody could attend.
    if (!known.has(plan.id) && t >= plan.opensAt.getTime() && t < plan.closesAt.getTime()) {
      actions.push({ action: 'open', plan });
    }
  }
  for (const s of existing) {
    if (s.state === 'dibuka' && t >= s.closesAt.getTime() + CLOSE_GRACE_MINUTES * 60_000) {
      actions.push({ action: 'close', id: s.id, date: s.date, slot: s.slot });
    }
    if (s.state === 'ditutup' && luringGraceMs > 0 && !s.luringDirekap && t >= s.closesAt.getTime() + luringGraceMs + CLOSE_GRACE_MINUTES * 60_000) {
      actions.push({ action: 'reclose', id: s.id, date: s.date, slot: s.slot });
    }
  }
  return actions;
}

// --- Old per-slot schedules, removed when the apel clock replaces them (same change). ---
import type { ApelConfig, Slot } from './config';
import { SLOTS } from './config';

export interface ApelJob {
  id: string;
  action: 'open' | 'close';
  slot: Slot;
  time: string;
}

export function apelJobs(config: ApelConfig): ApelJob[] {
  return SLOTS.flatMap((slot) => [
    { id: `open-${slot}`, action: 'open' as const, slot, time: config.slots[slot].opens },
    { id: `close-${slot}`, action: 'close' as const, slot, time: addMinutes(config.slots[slot].closes, CLOSE_GRACE_MINUTES) },
  ]);
}

function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = (h * 60 + m + minutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
