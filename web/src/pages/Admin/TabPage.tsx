import { useState } from 'preact/hooks';
import type { AdminContext } from './context';
import type { Tab } from './route';
import { AuditPage } from './Audit';
import { CalendarPage } from './Calendar';
import { OpdPage } from './Opd';
import { OverviewPage } from './Overview';
import { RosterPage } from './Roster';
import { LinksPage } from './Links';
import { TppPage } from './Tpp';

function page(tab: Tab, ctx: AdminContext, active: boolean) {
  switch (tab) {
    case 'roster':
      return <RosterPage ctx={ctx} />;
    case 'opd':
      return <OpdPage ctx={ctx} />;
    case 'kalender':
      return <CalendarPage ctx={ctx} />;
    case 'tautan':
      return <LinksPage ctx={ctx} />;
    case 'audit':
      return <AuditPage ctx={ctx} active={active} />;
    case 'tpp':
      return <TppPage ctx={ctx} />;
    default:
      return <OverviewPage ctx={ctx} active={active} />;
  }
}

/**
 * The open tab, and every tab opened before it kept in place but hidden: switching tabs
 * never loses a half-filled form, an import preview or links just issued (their tokens
 * exist only in that answer).
 */
export function TabPages({ tab, ctx }: { tab: Tab; ctx: AdminContext }) {
  const [visited, setVisited] = useState<Tab[]>([tab]);
  if (!visited.includes(tab)) setVisited([...visited, tab]);
  return (
    <>
      {visited.map((t) => (
        <div key={t} hidden={t !== tab} data-tab={t}>
          {page(t, ctx, t === tab)}
        </div>
      ))}
    </>
  );
}
