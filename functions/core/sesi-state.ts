import type { Disruption } from './attendance';
import type { SesiPlan } from './sesi';

/**
 * The one rule of "the sesi of a day": what the config and the calendar planned,
 * merged with what the apel clock actually opened, at an instant. The ASN's page, the
 * heads' roll and the admin's overview all see a sesi through it.
 */

export type SesiState = 'terjadwal' | 'dibuka' | 'ditutup';

/** A sesi as the apel clock (or the demo mode) opened it; the record wins over the plan. */
export interface OpenedSesi extends SesiPlan {
  state: 'dibuka' | 'ditutup';
  demo: boolean;
  gangguan?: (Disruption & { menit?: number; oleh: string; at: string }) | undefined;
}

export interface DaySesi extends SesiPlan {
  state: SesiState;
  /** Whether the apel clock opened it (a planned sesi may still be waiting for its opening). */
  opened: boolean;
  demo: boolean;
  gangguan: NonNullable<OpenedSesi['gangguan']> | null;
}

/**
 * Over once the clock closed it or its window has passed (check-ins are refused from
 * `closesAt` on, whether or not the close has run yet); open once opened and its window
 * has begun; otherwise still to come.
 */
export function sesiState(sesi: SesiPlan, record: Pick<OpenedSesi, 'state'> | undefined, now: Date): SesiState {
  const t = now.getTime();
  if (record?.state === 'ditutup' || t >= sesi.closesAt.getTime()) return 'ditutup';
  return record && t >= sesi.opensAt.getTime() ? 'dibuka' : 'terjadwal';
}

/**
 * The sesi of some days: every opened one (its record: demo, extended windows), and the
 * planned ones not opened yet. A planned sesi that is over without ever opening did not
 * take place (an outage all window long) and is left out, so nobody is shown absent
 * from an apel that never opened. In order of opening.
 */
export function sesiOfDays(planned: readonly SesiPlan[], opened: readonly OpenedSesi[], now: Date): DaySesi[] {
  const byId = new Map<string, DaySesi>();
  for (const p of planned) {
    const state = sesiState(p, undefined, now);
    if (state !== 'ditutup') byId.set(p.id, { ...p, state, opened: false, demo: false, gangguan: null });
  }
  for (const o of opened) {
    const { state: _, demo, gangguan, ...plan } = o;
    byId.set(o.id, { ...plan, state: sesiState(o, o, now), opened: true, demo, gangguan: gangguan ?? null });
  }
  return [...byId.values()].sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
}
