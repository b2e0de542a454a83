import type { Opd, WfaChange } from './roster';
import type { IsoDate } from './time';

/**
 * Whether an OPD works from anywhere on a date (policy point 2: public-service OPDs
 * are exempt). The admin marks an OPD exempt or eligible from a given date; the
 * latest change on or before the date applies, and before any change the OPD's own
 * `wfa` (from opd.csv or when it was created).
 */
export function wfaOn(opd: Pick<Opd, 'wfa' | 'wfaSejak'>, date: IsoDate): boolean {
  let wfa = opd.wfa;
  let from = '';
  for (const change of opd.wfaSejak ?? []) {
    if (change.sejak <= date && change.sejak >= from) {
      wfa = change.wfa;
      from = change.sejak;
    }
  }
  return wfa;
}

/** The OPD's dated changes with one more: a change on the same date replaces the earlier one. Oldest first. */
export function withWfaChange(changes: readonly WfaChange[] | undefined, change: WfaChange): WfaChange[] {
  return [...(changes ?? []).filter((c) => c.sejak !== change.sejak), change].sort((a, b) => a.sejak.localeCompare(b.sejak));
}
