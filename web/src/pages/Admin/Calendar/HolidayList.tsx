import { useState } from 'preact/hooks';
import type { Holiday } from '../../../../../contract';
import { longDate } from '../../../lib/time';
import { deleteHoliday } from '../api/calendar';
import type { AdminContext } from '../context';
import { Confirm } from '../ui/Confirm';
import { DoneNote, ErrorNote } from '../ui/Messages';
import type { Column } from '../ui/Table';
import { ACTIONS, Table } from '../ui/Table';
import { useAction } from '../ui/useAction';
import { HolidayForm } from './HolidayForm';
import { HolidayUpload } from './HolidayUpload';
import { angka } from '../../../lib/number';

const JENIS: Record<string, string> = { libur_nasional: 'Libur nasional', cuti_bersama: 'Cuti bersama' };

/** The year's holidays and cuti bersama: no apel on these dates. */
export function HolidayList({ ctx, tahun, libur, onChanged }: { ctx: AdminContext; tahun: number; libur: Holiday[]; onChanged: () => void }) {
  const [editing, setEditing] = useState<string>();
  const [removing, setRemoving] = useState<Holiday>();
  const [notice, setNotice] = useState<string>();
  const del = useAction();

  async function remove(l: Holiday) {
    setRemoving(undefined);
    setNotice(undefined);
    if (await del.run(() => deleteHoliday(ctx.token, l.date), `${l.keterangan} (${longDate(l.date)}) dihapus dari kalender.`)) onChanged();
  }
  const saved = (_: Holiday, message: string) => {
    setEditing(undefined);
    del.reset();
    setNotice(message);
    onChanged();
  };

  const columns: Column<Holiday>[] = [
    { head: 'Tanggal', cell: (l) => longDate(l.date), td: () => ({ class: 'nowrap' }) },
    { head: 'Jenis', cell: (l) => JENIS[l.jenis] ?? l.jenis },
    { head: 'Keterangan', cell: (l) => l.keterangan },
    {
      head: ACTIONS,
      td: () => ({ class: 'adm-row-actions' }),
      cell: (l) => (
        <>
          <button type="button" class="adm-link" onClick={() => setEditing(l.date)}>
            Ubah
          </button>
          <button type="button" class="adm-link adm-link-danger" onClick={() => setRemoving(l)} disabled={del.busy}>
            Hapus
          </button>
        </>
      ),
    },
  ];

  return (
    <section class="adm-card" aria-labelledby="libur-h" data-testid="libur">
      <h2 id="libur-h">
        Hari libur dan cuti bersama {tahun} <span class="muted">({angka(libur.length)})</span>
      </h2>
      <p class="muted">Pada tanggal-tanggal ini tidak ada apel.</p>
      <HolidayForm ctx={ctx} tahun={tahun} onSaved={saved} />
      <DoneNote text={notice ?? del.done} />
      <ErrorNote error={del.error} />
      {libur.length === 0 ? (
        <p class="muted">Belum ada hari libur untuk {tahun}. Unggah berkas SKB di bawah.</p>
      ) : (
        <div class="adm-table-wrap">
          <Table
            columns={columns}
            rows={libur}
            rowKey={(l) => l.date}
            tr={(l) => ({ 'data-date': l.date })}
            row={(l) =>
              editing === l.date ? (
                <tr>
                  <td colSpan={4}>
                    <HolidayForm ctx={ctx} tahun={tahun} libur={l} onSaved={saved} onCancel={() => setEditing(undefined)} />
                  </td>
                </tr>
              ) : undefined
            }
          />
        </div>
      )}
      <HolidayUpload ctx={ctx} onImported={onChanged} />
      {removing && (
        <Confirm title="Hapus hari libur?" confirmLabel="Hapus" onConfirm={() => void remove(removing)} onCancel={() => setRemoving(undefined)}>
          <p>
            {removing.keterangan}, {longDate(removing.date)}. Jika tanggal itu hari WFA, apel pagi dan sore akan dibuka
            seperti biasa.
          </p>
        </Confirm>
      )}
    </section>
  );
}
