import type { CheckinStatus } from './checkin';

export interface OpdRecap {
  opd: string;
  /** Exempt OPDs attend the virtual apel too; their staff work from the office. */
  wfa: boolean;
  expected: number;
  hadir: number;
  terlambat: number;
  tidakHadir: number;
}

/**
 * Recap of one OPD in one sesi. `expected` are the NIPs on the active roster when the
 * sesi closes; check-ins by anyone else (e.g. moved to another OPD since) are ignored
 * here so the four numbers always add up.
 */
export function recapOpd(
  opd: string,
  wfa: boolean,
  expected: readonly string[],
  checkins: ReadonlyMap<string, CheckinStatus>,
): OpdRecap {
  let hadir = 0;
  let terlambat = 0;
  for (const nip of expected) {
    const status = checkins.get(nip);
    if (status === 'hadir') hadir++;
    else if (status === 'terlambat') terlambat++;
  }
  return { opd, wfa, expected: expected.length, hadir, terlambat, tidakHadir: expected.length - hadir - terlambat };
}
