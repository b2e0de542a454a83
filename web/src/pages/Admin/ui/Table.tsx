import type { ComponentChildren, JSX, VNode } from 'preact';
import { Fragment } from 'preact';
import { SortHeader } from './SortHeader';
import type { SortState } from './useSort';

type Attrs<E extends EventTarget> = JSX.HTMLAttributes<E> & Record<`data-${string}`, string | undefined>;

/** One column of a console table: its header, and each row's cell. */
export interface Column<R, K extends string = string> {
  head: ComponentChildren;
  /** The header cell's class, e.g. `adm-num` for a number column. */
  class?: string;
  title?: string;
  /** Sorts the table by this key when clicked (with `sort` on the table); `numeric` sorts largest first. */
  sortKey?: K;
  numeric?: boolean;
  /** The row's cell; leave out where `row` draws whole rows. */
  cell?: (row: R) => ComponentChildren;
  /** Attributes of the row's cell (class, data-*). */
  td?: (row: R) => Attrs<HTMLTableCellElement>;
  /** The cell names its row (`<th scope="row">`), as the first column of a counts table. */
  rowHeader?: boolean;
}

/** The header of a column of row actions: read by screen readers only. */
export const ACTIONS = <span class="adm-sr">Tindakan</span>;

/**
 * The console's list table: `adm-table` with a header row from `columns` and a row per item,
 * each cell from its column, or a whole `<tr>` from `row` where a row holds forms of its own
 * (an OPD being renamed, a holiday being edited). Sortable columns get a `SortHeader`.
 */
export function Table<R, K extends string = string>(props: {
  columns: Column<R, K>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** Attributes of a row's `<tr>` (class, data-*). */
  tr?: (row: R) => Attrs<HTMLTableRowElement>;
  /** Draws a row itself (a `<tr>`) instead of the columns' cells; undefined: the columns' cells. */
  row?: (row: R) => VNode | undefined;
  sort?: { state: SortState<K>; onSort: (key: K, numeric: boolean) => void };
  /** Extra classes after `adm-table`. */
  class?: string;
  testId?: string;
  caption?: ComponentChildren;
  foot?: ComponentChildren;
}) {
  const { columns, sort } = props;
  return (
    <table class={props.class ? `adm-table ${props.class}` : 'adm-table'} data-testid={props.testId}>
      {props.caption}
      <thead>
        <tr>
          {columns.map((c, i) =>
            c.sortKey !== undefined && sort ? (
              <SortHeader key={i} label={String(c.head)} title={c.title} column={c.sortKey} sort={sort.state} onSort={sort.onSort} numeric={c.numeric} />
            ) : (
              <th key={i} scope="col" class={c.class} title={c.title}>
                {c.head}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => {
          const own = props.row?.(r);
          return own ? (
            <Fragment key={props.rowKey(r)}>{own}</Fragment>
          ) : (
            <tr key={props.rowKey(r)} {...props.tr?.(r)}>
              {columns.map((c, i) =>
                c.rowHeader ? (
                  <th key={i} scope="row" {...c.td?.(r)}>
                    {c.cell?.(r)}
                  </th>
                ) : (
                  <td key={i} {...c.td?.(r)}>
                    {c.cell?.(r)}
                  </td>
                ),
              )}
            </tr>
          );
        })}
      </tbody>
      {props.foot}
    </table>
  );
}
