import { useState } from 'preact/hooks';
import type { Holiday } from '../../../../../contract';
import { putHoliday } from '../api/calendar';
import type { AdminContext } from '../context';
import { ErrorNote } from '../ui/Messages';
import { useAction } from '../ui/useAction';
import { DateField } from '../../../components/DateField';
import { Form } from '../../../components/Form';

/** Add a holiday or cuti bersama, or edit one (its date stays). */
export function HolidayForm({
  ctx,
  libur,
  tahun,
  onSaved,
  onCancel,
}: {
  ctx: AdminContext;
  libur?: Holiday;
  tahun: number;
  onSaved: (l: Holiday, message: string) => void;
  onCancel?: () => void;
}) {
  const [form, setForm] = useState<Holiday>(libur ?? { date: '', jenis: 'libur_nasional', keterangan: '' });
  const save = useAction();
  async function submit(e: Event) {
    e.preventDefault();
    const r = await save.run(() => putHoliday(ctx.token, { ...form, keterangan: form.keterangan.trim() }));
    if (r) {
      onSaved(r.libur, libur ? 'Hari libur diubah.' : 'Hari libur ditambahkan.');
      if (!libur) setForm({ date: '', jenis: form.jenis, keterangan: '' });
    }
  }
  return (
    <Form class="adm-filters" onSubmit={submit} data-testid={libur ? 'libur-edit' : 'libur-add'} problemClass="adm-note adm-note-error">
      <label>
        Tanggal
        <DateField value={form.date} required readOnly={!!libur} min={`${tahun}-01-01`} max={`${tahun}-12-31`} onChange={(date) => setForm({ ...form, date })} />
      </label>
      <label>
        Jenis
        <select value={form.jenis} onChange={(e) => setForm({ ...form, jenis: e.currentTarget.value as Holiday['jenis'] })}>
          <option value="libur_nasional">Libur nasional</option>
          <option value="cuti_bersama">Cuti bersama</option>
        </select>
      </label>
      <label class="adm-grow">
        Keterangan
        <input value={form.keterangan} required onInput={(e) => setForm({ ...form, keterangan: e.currentTarget.value })} placeholder="mis. Hari Raya Idul Fitri" />
      </label>
      <button type="submit" class="adm-btn adm-btn-primary" disabled={save.busy}>
        {save.busy ? 'Menyimpan…' : libur ? 'Simpan' : 'Tambah'}
      </button>
      {onCancel && (
        <button type="button" class="adm-btn" onClick={onCancel}>
          Batal
        </button>
      )}
      <ErrorNote error={save.error} />
    </Form>
  );
}
