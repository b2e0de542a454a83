import type { CheckinStatus } from './checkin';
import type { SesiPlan, SesiSlot } from './sesi';
import { SLOT_LABELS } from './sesi';
import type { DaySesi, OpenedSesi, SesiState } from './sesi-state';
import { sesiOfDays } from './sesi-state';

export type { OpenedSesi } from './sesi-state';

/** What an ASN sees of one sesi: its window, whether it is open now, and their status in it. */
export interface SesiView {
  id: string;
  date: string;
  slot: SesiSlot;
  label: string;
  opensAt: string;
  onTimeUntil: string;
  closesAt: string;
  state: SesiState;
  demo: boolean;
  status: CheckinStatus | 'tidak_hadir' | 'belum';
  checkedInAt: string | null;
  /** The work plan or output the ASN stated with the check-in. */
  laporan: string | null;
  seragamDikonfirmasi: boolean | null;
  /** The head's mark that the uniform was not as required, with its note. */
  tidakPatuh: { catatan: string; at: string } | null;
  /** The reason the ASN gave for being late. */
  alasanTerlambat: string | null;
}

type MyCheckin = { status: CheckinStatus; at: string; ketukPada?: string; laporan?: string; seragam?: boolean; tidakPatuh?: { catatan: string; at: string }; alasanTerlambat?: string };

/** One ASN's view of the day's sesi (core/sesi-state.ts) with their check-ins. */
export function asnSesiViews(days: readonly DaySesi[], checkins: ReadonlyMap<string, MyCheckin>): SesiView[] {
  return days.map((s) => {
    const checkin = checkins.get(s.id);
    return {
      id: s.id,
      date: s.date,
      slot: s.slot,
      label: SLOT_LABELS[s.slot],
      opensAt: s.opensAt.toISOString(),
      onTimeUntil: s.onTimeUntil.toISOString(),
      closesAt: s.closesAt.toISOString(),
      state: s.state,
      demo: s.demo,
      status: checkin?.status ?? (s.state === 'ditutup' ? 'tidak_hadir' : 'belum'),
      // A tap kept on the phone without network counts (and shows) at the time it was made.
      checkedInAt: checkin?.ketukPada ?? checkin?.at ?? null,
      laporan: checkin?.laporan ?? null,
      seragamDikonfirmasi: checkin?.seragam ?? null,
      tidakPatuh: checkin?.tidakPatuh ? { catatan: checkin.tidakPatuh.catatan, at: checkin.tidakPatuh.at } : null,
      alasanTerlambat: checkin?.alasanTerlambat ?? null,
    };
  });
}

/** The plan merged with what happened (see `sesiOfDays`), as one ASN sees it. */
export function sesiViews(now: Date, planned: readonly SesiPlan[], opened: readonly OpenedSesi[], checkins: ReadonlyMap<string, MyCheckin>): SesiView[] {
  return asnSesiViews(sesiOfDays(planned, opened, now), checkins);
}
