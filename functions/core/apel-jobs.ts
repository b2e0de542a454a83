import type { ApelConfig, Slot } from './config';
import { SLOTS } from './config';

/**
 * The scheduled jobs of a deployment: open each slot at its opening time and close it
 * one minute after its closing time, so a check-in accepted at the last instant is
 * stored before the recap is computed. The CDK stack turns these into EventBridge
 * Scheduler schedules; the local runtime fires them itself. Same list, same times.
 */
export interface ApelJob {
  id: string;
  action: 'open' | 'close';
  slot: Slot;
  /** Local wall-clock time `HH:MM` in the config's time zone, every day. */
  time: string;
}

export const CLOSE_GRACE_MINUTES = 1;

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
