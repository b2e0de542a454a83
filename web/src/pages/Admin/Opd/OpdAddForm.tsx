import { useState } from 'preact/hooks';
import { addOpd } from '../api/opd';
import type { AdminContext } from '../context';
import { DoneNote, ErrorNote } from '../ui/Messages';
import { useAction } from '../ui/useAction';
import { Form } from '../../../components/Form';

/** A new OPD: its short code (kept for ever), name, and whether it takes part in WFA. */
export function OpdAddForm({ ctx, onAdded }: { ctx: AdminContext; onAdded: () => void }) {
  const [form, setForm] = useState({ kode: '', nama: '', wfa: true });
  const save = useAction();
  async function submit(e: Event) {
    e.preventDefault();
    const opd = await save.run(() => addOpd(ctx.token, { ...form, kode: form.kode.trim().toLowerCase() }), (o) => `${o.nama} ditambahkan.`);
    if (opd) {
      setForm({ kode: '', nama: '', wfa: true });
      onAdded();
    }
  }
  return (
    <section class="adm-card" aria-labelledby="opd-add-h">
      <h2 id="opd-add-h">Tambah OPD</h2>
      <Form problemClass="adm-note adm-note-error" class="adm-filters" onSubmit={submit} data-testid="opd-add">
        <label>
          Kode
          <input
            value={form.kode}
            onInput={(e) => setForm({ ...form, kode: e.currentTarget.value })}
            required
            pattern="[a-zA-Z0-9][a-zA-Z0-9\-]{1,39}"
            title="2–40 huruf kecil, angka atau tanda -, mis. dishub"
            placeholder="mis. dishub"
            class="adm-w-code"
            autocomplete="off"
          />
        </label>
        <label class="adm-grow">
          Nama OPD
          <input value={form.nama} onInput={(e) => setForm({ ...form, nama: e.currentTarget.value })} required placeholder="mis. Dinas Perhubungan" autocomplete="off" />
        </label>
        <label>
          WFA
          <select value={form.wfa ? 'ya' : 'tidak'} onChange={(e) => setForm({ ...form, wfa: e.currentTarget.value === 'ya' })}>
            <option value="ya">Ikut WFA</option>
            <option value="tidak">Dikecualikan (layanan publik, WFO)</option>
          </select>
        </label>
        <button type="submit" class="adm-btn adm-btn-primary" disabled={save.busy}>
          {save.busy ? 'Menyimpan…' : 'Tambah'}
        </button>
      </Form>
      <ErrorNote error={save.error} />
      <DoneNote text={save.done} />
    </section>
  );
}
