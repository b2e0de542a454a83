import { useState } from 'preact/hooks';

export interface SortState<K extends string> {
  key: K;
  desc: boolean;
}

/**
 * Rows sorted by a column the user picks; clicking the same column again reverses it.
 * Numbers sort largest first on the first click (who has the most absent?), text A→Z.
 */
export function useSort<R, K extends string>(rows: readonly R[], value: (row: R, key: K) => string | number, initial: SortState<K>) {
  const [sort, setSort] = useState(initial);
  const sorted = [...rows].sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'id');
    return sort.desc ? -c : c;
  });
  const toggle = (key: K, numeric: boolean) =>
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: numeric }));
  return { sorted, sort, toggle };
}
