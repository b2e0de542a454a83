import { useEffect, useState } from 'preact/hooks';

/** The console's tabs, each at its own path (`/admin`, `/admin/roster`, …) so reload and Back work. */
export const TABS = [
  { id: 'ringkasan', label: 'Ringkasan' },
  { id: 'roster', label: 'Roster' },
  { id: 'opd', label: 'OPD' },
  { id: 'kalender', label: 'Kalender' },
  { id: 'tautan', label: 'Tautan' },
  { id: 'audit', label: 'Audit' },
] as const;

export type Tab = (typeof TABS)[number]['id'];

export function tabOf(pathname: string): Tab {
  const id = pathname.replace(/^\/admin\/?/, '').split('/')[0];
  return TABS.find((t) => t.id === id)?.id ?? 'ringkasan';
}

export function pathOf(tab: Tab, search = ''): string {
  return (tab === 'ringkasan' ? '/admin' : `/admin/${tab}`) + search;
}

/** The open tab and a way to open another (a new history entry); follows Back and Forward. */
export function useTab(): [Tab, (tab: Tab, search?: string) => void] {
  const [tab, setTab] = useState(() => tabOf(location.pathname));
  useEffect(() => {
    const onPop = () => setTab(tabOf(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const open = (next: Tab, search = '') => {
    history.pushState(null, '', pathOf(next, search));
    setTab(next);
    scrollTo(0, 0);
  };
  return [tab, open];
}

/** A query parameter of the current address (e.g. `?nip=` when the Roster opens the Tautan tab). */
export function param(name: string): string | undefined {
  return new URLSearchParams(location.search).get(name) ?? undefined;
}
