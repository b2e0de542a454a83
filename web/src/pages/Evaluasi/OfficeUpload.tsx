import { useState } from 'preact/hooks';
import type { OfficeSummary } from '../../../../contract';
import { FileButton } from '../Admin/ui/FileButton';
import { readTextFile } from '../Admin/ui/files';
import { importOffice, messageOf, previewOffice } from './api';
import { DateField } from '../../components/DateField';
import { formatDate } from '../../lib/date-input';
import { angka } from '../../lib/number';

/**
 * The admin uploads the regency's office e-presensi (NIP; tanggal; jam masuk; jam pulang) as
 * CSV: columns are matched by their usual names (or the mapping saved for this kind of file),
 * a preview shows each refused row, then the office days are written.
 */
export function OfficeUpload({ token, onDone }: { token: string; onDone: () => void }) {
  const [csv, setCsv] = useState<string>();
  const [jamMasuk, setJamMasuk] = useState('07:30');
  const [preview, setPreview] = useState<OfficeSummary>();
  const [message, setMessage] = useState<{ text: string; error: boolean }>();

  const choose = async (file: File) => {
    setMessage(undefined);
    const { text } = await readTextFile(file);
    setCsv(text);
    try {
      setPreview(await previewOffice(token, { csv: text, jamMasuk }));
    } catch (e) {
      setPreview(undefined);
      setMessage({ text: messageOf(e), error: true });
    }
  };
  const commit = async () => {
    if (!csv) return;
    try {
      const done = await importOffice(token, { csv, jamMasuk });
      setMessage({ text: `${angka(done.ditulis)} catatan hari kantor (OPD × tanggal) disimpan.`, error: false });
      setPreview(undefined);
      onDone();
    } catch (e) {
      setMessage({ text: messageOf(e), error: true });
    }
  };

  return (
    <div class="eval-upload no-print" data-testid="eval-upload">
      <h3>Unggah e-presensi kantor (CSV)</h3>
      <p class="muted eval-small">Kolom: NIP; tanggal (dd/mm/yyyy); jam masuk; jam pulang. Judul kolom lain dikenali seperti pada impor daftar pegawai.</p>
      <div class="eval-upload-row">
        <label class="eval-field">
          <span>Jam masuk kantor</span>
          <DateField kind="jam" value={jamMasuk} onChange={(v) => v && setJamMasuk(v)} testId="eval-jam-masuk" />
        </label>
        <FileButton label="Pilih berkas CSV" accept=".csv,text/csv" onFile={(f) => void choose(f)} testId="eval-upload-file" buttonClass="eval-file btn-secondary" hiddenClass="sr-only" />
      </div>
      {preview && (
        <div class="eval-preview" data-testid="eval-upload-preview">
          <p>
            {angka(preview.valid)} dari {angka(preview.total)} baris terbaca; {angka(preview.hari.length)} hari kantor
            {preview.hari.length > 0 && ` (${preview.hari.map((h) => formatDate(h.tanggal)).join(', ')})`}.
            {preview.kurang.length > 0 && <strong> Kolom belum ditemukan: {preview.kurang.join(', ')}.</strong>}
          </p>
          {preview.problems.length > 0 && (
            <ul class="eval-problems">
              {preview.problems.slice(0, 20).map((p) => (
                <li key={p.line}>
                  Baris {p.line}: {p.reason}
                </li>
              ))}
            </ul>
          )}
          <button type="button" class="btn-secondary" onClick={commit} disabled={preview.kurang.length > 0 || preview.valid === 0} data-testid="eval-upload-commit">
            Simpan hari kantor
          </button>
        </div>
      )}
      {message && (
        <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
