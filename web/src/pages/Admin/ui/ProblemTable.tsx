import type { RowProblem } from '../../../../../contract';
import type { Column } from './Table';
import { Table } from './Table';

const COLUMNS: Column<RowProblem>[] = [
  { head: 'Baris', class: 'adm-num adm-col-line', cell: (p) => p.line, td: () => ({ class: 'adm-num' }) },
  { head: 'Masalah', cell: (p) => p.reason },
];

/** The rows of an uploaded CSV that were refused: line number and reason, as the server reported them. */
export function ProblemTable({ problems, testId }: { problems: readonly RowProblem[]; testId?: string }) {
  return <Table columns={COLUMNS} rows={problems} rowKey={(p) => `${p.line}-${p.reason}`} testId={testId} />;
}
