import { useState } from 'preact/hooks';
import type { OfficeSummary } from '../../../../contract';
import { readTextFile } from '../Admin/ui/files';
import { importOffice, messageOf, previewOffice } from './api';
import { dateShort } from './format';

/**
 * The admin uploads the regency's office e-presensi (NIP; tanggal; jam masuk; jam pulang) as
 * CSV: columns are matched by their usual names (or the mapping saved for this kind of file),
 * a preview shows each refused row, then the office days are written.
 */
export function OfficeUpload({ token, onDone }: { token: string; onDone: () => void }) {
  const [csv, setCsv] = useState<string>();
  const [name, setName] = useState<string>();
  const [jamMasuk, setJamMasuk] = useState('07:30');
  const [preview, setPreview] = useState<OfficeSummary>();
  const [message, setMessage] = useState<{ text: string; error: boolean }>();

  const choose = async (file: File) => {
    setName(file.name);
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
      setMessage({ text: `${done.ditulis} catatan hari kantor (OPD × tanggal) disimpan.`, error: false });
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
          <input type="text" inputMode="numeric" value={jamMasuk} size={5} onInput={(e) => setJamMasuk(e.currentTarget.value)} />
        </label>
        <label class="eval-file btn-secondary">
          <input
            type="file"
            class="sr-only"
            accept=".csv,text/csv"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) void choose(f);
            }}
            data-testid="eval-upload-file"
          />
          Pilih berkas CSV
        </label>
        <span class="muted">{name ?? 'Belum ada berkas dipilih'}</span>
      </div>
      {preview && (
        <div class="eval-preview" data-testid="eval-upload-preview">
          <p>
            {preview.valid} dari {preview.total} baris terbaca; {preview.hari.length} hari kantor
            {preview.hari.length > 0 && ` (${preview.hari.map((h) => dateShort(h.tanggal)).join(', ')})`}.
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
