import type { Tab } from './route';
import { pathOf, TABS } from './route';

/** The console's tabs as links (open in a new tab works), switched without a reload. */
export function Tabs({ tab, open }: { tab: Tab; open: (tab: Tab) => void }) {
  return (
    <nav class="adm-tabs" aria-label="Menu konsol admin">
      <ul>
        {TABS.map((t) => (
          <li key={t.id}>
            <a
              href={pathOf(t.id)}
              aria-current={t.id === tab ? 'page' : undefined}
              onClick={(e) => {
                if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
                e.preventDefault();
                open(t.id);
              }}
            >
              {t.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
