import type { SortState } from './useSort';

/** A column header that sorts the table, announced to screen readers with aria-sort. */
export function SortHeader<K extends string>({
  label,
  column,
  sort,
  onSort,
  numeric = false,
  title,
}: {
  label: string;
  column: K;
  sort: SortState<K>;
  onSort: (key: K, numeric: boolean) => void;
  numeric?: boolean;
  title?: string;
}) {
  const active = sort.key === column;
  return (
    <th scope="col" class={numeric ? 'adm-num' : undefined} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'} title={title}>
      <button type="button" class="adm-sort" onClick={() => onSort(column, numeric)}>
        {label}
        <span class="adm-sort-mark" aria-hidden="true">
          {active ? (sort.desc ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}
