import { angka } from '../../../lib/number';
/** A figure with its label, and a tone (`ok`, `late`, `bad`) that colours it. */
export type Total = [label: string, n: number, tone?: string];

/** A row of figures at the top of a card: the overview's counts, an import preview's. */
export function Totals({ items, testId }: { items: readonly Total[]; testId?: string }) {
  return (
    <dl class="adm-totals" data-testid={testId}>
      {items.map(([label, n, tone]) => (
        <div key={label} class={tone ? `adm-tone-${tone}` : undefined}>
          <dt>{label}</dt>
          <dd>{angka(n)}</dd>
        </div>
      ))}
    </dl>
  );
}
