import { navigate, useAddress } from '../../lib/navigate';
import { oneOf, segment } from '../../lib/route';

/** The console's tabs, each at its own path (`/admin`, `/admin/roster`, …) so reload and Back work. */
export const TABS = [
  { id: 'ringkasan', label: 'Ringkasan' },
  { id: 'roster', label: 'Daftar pegawai' },
  { id: 'opd', label: 'OPD' },
  { id: 'kalender', label: 'Kalender' },
  { id: 'tautan', label: 'Tautan' },
  { id: 'audit', label: 'Audit' },
  { id: 'tpp', label: 'Rekap TPP' },
] as const;

export type Tab = (typeof TABS)[number]['id'];

/** The tab of an `/admin/<tab>` path (see lib/route.ts); an unknown one opens the overview. */
export function tabOf(pathname: string): Tab {
  return oneOf(
    TABS.map((t) => t.id),
    segment(1, pathname),
  );
}

export function pathOf(tab: Tab, search = ''): string {
  return (tab === 'ringkasan' ? '/admin' : `/admin/${tab}`) + search;
}

/** The open tab and a way to open another (a new history entry); follows Back and Forward. */
export function useTab(): [Tab, (tab: Tab, search?: string) => void] {
  const tab = tabOf(useAddress().pathname);
  const open = (next: Tab, search = '') => {
    navigate(pathOf(next, search));
    scrollTo(0, 0);
  };
  return [tab, open];
}
