import { useState } from 'preact/hooks';
import type { SpecialDay } from '../../../../../contract';
import { longDate } from '../../../lib/time';
import { deleteSpecialDay } from '../api/calendar';
import type { AdminContext } from '../context';
import { DoneNote, ErrorNote } from '../ui/Messages';
import type { Column } from '../ui/Table';
import { ACTIONS, Table } from '../ui/Table';
import { useAction } from '../ui/useAction';
import { describe } from './specialDay';

/** Dates with an extra apel, a cancelled apel or changed times; past ones cannot change. */
export function SpecialDayList({ ctx, hari, onChanged }: { ctx: AdminContext; hari: SpecialDay[]; onChanged: () => void }) {
  const del = useAction();
  const [busyDate, setBusyDate] = useState<string>();
  async function clear(tanggal: string) {
    setBusyDate(tanggal);
    if (await del.run(() => deleteSpecialDay(ctx.token, tanggal), `Pengaturan khusus ${longDate(tanggal)} dihapus; jadwal biasa berlaku.`)) onChanged();
    setBusyDate(undefined);
  }
  const columns: Column<SpecialDay>[] = [
    { head: 'Tanggal', cell: (h) => longDate(h.date), td: () => ({ class: 'nowrap' }) },
    {
      head: 'Pengaturan',
      cell: (h) =>
        describe(h).map((line) => (
          <span key={line} class="adm-block">
            {line}
          </span>
        )),
    },
    {
      head: ACTIONS,
      td: () => ({ class: 'adm-row-actions' }),
      cell: (h) =>
        h.date >= ctx.today && (
          <button type="button" class="adm-link adm-link-danger" disabled={busyDate === h.date} onClick={() => void clear(h.date)}>
            Kembalikan ke jadwal biasa
          </button>
        ),
    },
  ];
  return (
    <>
      <DoneNote text={del.done} />
      <ErrorNote error={del.error} />
      {hari.length === 0 ? (
        <p class="muted">Belum ada tanggal dengan pengaturan khusus.</p>
      ) : (
        <Table columns={columns} rows={hari} rowKey={(h) => h.date} tr={(h) => ({ 'data-date': h.date })} testId="hari-list" />
      )}
    </>
  );
}
