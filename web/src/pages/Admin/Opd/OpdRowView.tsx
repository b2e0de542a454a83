import { useState } from 'preact/hooks';
import type { OpdListRow, OpdView } from '../../../../../contract';
import { shortDate } from '../../../lib/time';
import { renameOpd, setOpdWfa } from '../api/opd';
import type { AdminContext } from '../context';
import { ErrorNote } from '../ui/Messages';
import { useAction } from '../ui/useAction';
import { DateField } from '../../../components/DateField';
import { Form } from '../../../components/Form';
import { angka } from '../../../lib/number';

type Editing = 'nama' | 'wfa' | undefined;

/** One OPD in the table, with its rename and exempt-from-a-date forms opening in place. */
export function OpdRowView({ ctx, opd, onSaved }: { ctx: AdminContext; opd: OpdListRow; onSaved: (opd: OpdView, message: string) => void }) {
  const [editing, setEditing] = useState<Editing>();
  const [nama, setNama] = useState(opd.nama);
  const [wfa, setWfa] = useState(!opd.wfa);
  const [sejak, setSejak] = useState(ctx.today);
  const save = useAction();
  const upcoming = opd.wfaSejak.filter((c) => c.sejak > ctx.today);

  async function rename(e: Event) {
    e.preventDefault();
    const saved = await save.run(() => renameOpd(ctx.token, opd.kode, nama.trim()));
    if (saved) {
      setEditing(undefined);
      onSaved(saved, `Nama OPD diubah menjadi ${saved.nama}.`);
    }
  }

  async function changeWfa(e: Event) {
    e.preventDefault();
    const saved = await save.run(() => setOpdWfa(ctx.token, opd.kode, wfa, sejak));
    if (saved) {
      setEditing(undefined);
      onSaved(saved, `${saved.nama} ${wfa ? 'ikut WFA' : 'dikecualikan dari WFA'} mulai ${shortDate(sejak)} ${sejak.slice(0, 4)}.`);
    }
  }

  return (
    <tr data-opd={opd.kode}>
      <td>
        <code>{opd.kode}</code>
      </td>
      <td>
        {editing === 'nama' ? (
          <Form class="adm-inline-form" onSubmit={rename} problemClass="adm-note adm-note-error">
            <input value={nama} onInput={(e) => setNama(e.currentTarget.value)} required aria-label="Nama OPD" class="adm-grow" />
            <SaveCancel busy={save.busy} onCancel={() => setEditing(undefined)} />
          </Form>
        ) : (
          opd.nama
        )}
        {editing === 'nama' && <ErrorNote error={save.error} />}
      </td>
      <td>
        {opd.wfa ? 'Ikut WFA' : <span class="adm-tag">Dikecualikan (WFO)</span>}
        {upcoming.map((c) => (
          <span key={c.sejak} class="adm-hint adm-block">
            {c.wfa ? 'Ikut WFA' : 'Dikecualikan'} mulai {shortDate(c.sejak)} {c.sejak.slice(0, 4)}
          </span>
        ))}
        {editing === 'wfa' && (
          <Form class="adm-inline-form adm-wrap" onSubmit={changeWfa} problemClass="adm-note adm-note-error">
            <select value={wfa ? 'ya' : 'tidak'} onChange={(e) => setWfa(e.currentTarget.value === 'ya')} aria-label="WFA">
              <option value="tidak">Dikecualikan (WFO)</option>
              <option value="ya">Ikut WFA</option>
            </select>
            <label class="adm-inline">
              mulai
              <DateField value={sejak} min={ctx.today} required onChange={setSejak} label="Mulai tanggal" />
            </label>
            <SaveCancel busy={save.busy} onCancel={() => setEditing(undefined)} />
            <ErrorNote error={save.error} />
          </Form>
        )}
      </td>
      <td class="adm-num">{angka(opd.jumlahAsn)}</td>
      <td>{opd.pimpinan.length ? opd.pimpinan.map((p) => p.nama).join(', ') : <span class="muted">belum ada</span>}</td>
      <td class="adm-row-actions">
        <button type="button" class="adm-link" onClick={() => (save.reset(), setNama(opd.nama), setEditing('nama'))}>
          Ganti nama
        </button>
        <button type="button" class="adm-link" onClick={() => (save.reset(), setWfa(!opd.wfa), setEditing('wfa'))}>
          Ubah WFA
        </button>
        <a class="adm-link" href={`/survei/${encodeURIComponent(opd.kode)}/poster`} target="_blank" rel="noopener" data-testid={`poster-${opd.kode}`}>
          Poster survei
        </a>
      </td>
    </tr>
  );
}

/** The buttons of an in-place form. */
function SaveCancel({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  return (
    <>
      <button type="submit" class="adm-btn adm-btn-small adm-btn-primary" disabled={busy}>
        Simpan
      </button>
      <button type="button" class="adm-btn adm-btn-small" onClick={onCancel}>
        Batal
      </button>
    </>
  );
}
