/** The heads' page's tabs, and what every tab is given (their own file: the tabs and the page both import it). */

export const TABS = [
  ['apel', 'Apel'],
  ['izin', 'Izin'],
  ['kesiapan', 'Kesiapan'],
  ['rekap', 'Rekap'],
  ['tautan', 'Tautan'],
  ['survei', 'Survei'],
  ['tpp', 'TPP'],
] as const;

/** A tab as named in the address (`?tab=izin`). */
export type Tab = (typeof TABS)[number][0];

/** What every tab is given. */
export interface TabProps {
  token: string;
  opd: string;
  timeZone: string;
  zoneLabel: string;
  /** Today in the regency's zone, `YYYY-MM-DD`. */
  today: string;
}
