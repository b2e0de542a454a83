import { useState } from 'preact/hooks';
import type { Holiday } from '../../../../../contract';
import { longDate } from '../../../lib/time';
import { deleteHoliday } from '../api/calendar';
import type { AdminContext } from '../context';
import { Confirm } from '../ui/Confirm';
import { DoneNote, ErrorNote } from '../ui/Messages';
import { useAction } from '../ui/useAction';
import { HolidayForm } from './HolidayForm';
import { HolidayUpload } from './HolidayUpload';

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

  return (
    <section class="adm-card" aria-labelledby="libur-h" data-testid="libur">
      <h2 id="libur-h">
        Hari libur dan cuti bersama {tahun} <span class="muted">({libur.length})</span>
      </h2>
      <p class="muted">Pada tanggal-tanggal ini tidak ada apel.</p>
      <HolidayForm ctx={ctx} tahun={tahun} onSaved={saved} />
      <DoneNote text={notice ?? del.done} />
      <ErrorNote error={del.error} />
      {libur.length === 0 ? (
        <p class="muted">Belum ada hari libur untuk {tahun}. Unggah berkas SKB di bawah.</p>
      ) : (
        <div class="adm-table-wrap">
          <table class="adm-table">
            <thead>
              <tr>
                <th scope="col">Tanggal</th>
                <th scope="col">Jenis</th>
                <th scope="col">Keterangan</th>
                <th scope="col">
                  <span class="adm-sr">Tindakan</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {libur.map((l) =>
                editing === l.date ? (
                  <tr key={l.date}>
                    <td colSpan={4}>
                      <HolidayForm ctx={ctx} tahun={tahun} libur={l} onSaved={saved} onCancel={() => setEditing(undefined)} />
                    </td>
                  </tr>
                ) : (
                  <tr key={l.date} data-date={l.date}>
                    <td class="nowrap">{longDate(l.date)}</td>
                    <td>{JENIS[l.jenis] ?? l.jenis}</td>
                    <td>{l.keterangan}</td>
                    <td class="adm-row-actions">
                      <button type="button" class="adm-link" onClick={() => setEditing(l.date)}>
                        Ubah
                      </button>
                      <button type="button" class="adm-link adm-link-danger" onClick={() => setRemoving(l)} disabled={del.busy}>
                        Hapus
                      </button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
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
