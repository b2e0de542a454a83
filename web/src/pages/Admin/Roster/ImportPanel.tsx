import { useState } from 'preact/hooks';
import type { ImportResult, ImportSummary } from '../../../../../contract';
import { importRoster, previewRoster } from '../api/roster';
import type { AdminContext } from '../context';
import { Confirm } from '../ui/Confirm';
import { readTextFile } from '../ui/files';
import { DoneNote, ErrorNote } from '../ui/Messages';
import { useAction } from '../ui/useAction';
import { ImportPreview } from './ImportPreview';

interface Chosen {
  name: string;
  csv: string;
  encoding: string;
}

/**
 * Roster import from HR's CSV: choose the file, see the preview (nothing is written yet),
 * tick who of the missing ASN to deactivate, then "Simpan". Re-importing the same file
 * changes nothing, so a failed save can simply be sent again.
 */
export function ImportPanel({ ctx, opdNama, onImported }: { ctx: AdminContext; opdNama: (kode: string) => string; onImported: () => void }) {
  const [file, setFile] = useState<Chosen>();
  const [preview, setPreview] = useState<ImportSummary>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<ImportResult>();
  const [confirming, setConfirming] = useState(false);
  // A new key empties the file input, so the same file can be chosen again.
  const [inputKey, setInputKey] = useState(0);
  const read = useAction();
  const save = useAction();

  async function choose(f: File | undefined) {
    setPreview(undefined);
    setResult(undefined);
    setChosen(new Set());
    save.reset();
    if (!f) {
      setFile(undefined);
      setInputKey((k) => k + 1);
      return;
    }
    const { text, encoding } = await readTextFile(f);
    const next = { name: f.name, csv: text, encoding };
    setFile(next);
    const p = await read.run(() => previewRoster(ctx.token, text));
    if (p) setPreview(p);
  }

  async function commit() {
    if (!file) return;
    setConfirming(false);
    const done = await save.run(
      () => importRoster(ctx.token, file.csv, [...chosen]),
      (r) =>
        `Tersimpan: ${r.counts.baru} ASN baru, ${r.counts.berubah} berubah, ${r.counts.pindah} pindah OPD, ` +
        `${r.nonaktif.length} dinonaktifkan (${r.tautanDicabut} tautan dicabut).` +
        (r.problems.length ? ` ${r.problems.length} baris bermasalah dilewati.` : ''),
    );
    if (done) {
      setResult(done);
      setPreview(undefined);
      setFile(undefined);
      setInputKey((k) => k + 1);
      onImported();
    }
  }

  return (
    <section class="adm-card" aria-labelledby="impor-h" data-testid="roster-import">
      <h2 id="impor-h">Impor roster dari berkas CSV</h2>
      <p class="muted">
        Kolom: <code>nip, nama, jabatan, opd, status, no_hp, peran</code> (pemisah koma atau titik koma; UTF-8 dengan atau
        tanpa BOM). Pratinjau dulu; tidak ada yang disimpan sebelum Anda menekan <strong>Simpan</strong>.
      </p>
      <label class="adm-file">
        <span>Berkas CSV dari spreadsheet kepegawaian</span>
        <input
          key={inputKey}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
          data-testid="roster-file"
          disabled={read.busy || save.busy}
        />
      </label>
      {file && file.encoding !== 'UTF-8' && (
        <p class="adm-note adm-note-warn">
          Berkas ini bukan UTF-8; dibaca sebagai {file.encoding}. Periksa ejaan nama di pratinjau.
        </p>
      )}
      {read.busy && (
        <p class="muted" role="status">
          Memeriksa {file?.name}…
        </p>
      )}
      <ErrorNote error={read.error} onRetry={file ? () => void read.run(() => previewRoster(ctx.token, file.csv)).then((p) => p && setPreview(p)) : undefined} />
      {preview && file && (
        <>
          <ImportPreview preview={preview} chosen={chosen} onChoose={setChosen} opdNama={opdNama} />
          <ErrorNote error={save.error} />
          <div class="adm-actions">
            <button
              type="button"
              class="adm-btn adm-btn-primary"
              disabled={save.busy || (preview.valid === 0 && chosen.size === 0)}
              onClick={() => (chosen.size > 0 ? setConfirming(true) : void commit())}
              data-testid="roster-save"
            >
              {save.busy ? 'Menyimpan…' : 'Simpan'}
            </button>
            <button type="button" class="adm-btn" disabled={save.busy} onClick={() => void choose(undefined)}>
              Batalkan impor
            </button>
            <span class="muted">
              {preview.valid.toLocaleString('id-ID')} baris valid disimpan
              {preview.problems.length > 0 && `, ${preview.problems.length} baris bermasalah dilewati`}
              {chosen.size > 0 && `, ${chosen.size} ASN dinonaktifkan`}.
            </span>
          </div>
        </>
      )}
      <DoneNote text={save.done} />
      {result && result.problems.length > 0 && (
        <p class="muted">Perbaiki baris bermasalah di spreadsheet lalu impor lagi; baris yang sudah tersimpan tidak berubah.</p>
      )}
      {confirming && (
        <Confirm
          title={`Nonaktifkan ${chosen.size} ASN?`}
          confirmLabel={`Simpan dan nonaktifkan ${chosen.size} ASN`}
          onConfirm={() => void commit()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            Mereka tidak dihapus (riwayat tetap ada), tetapi tidak lagi diharapkan hadir di apel dan tautan pribadi mereka
            langsung dicabut. Mereka dapat diaktifkan kembali kapan saja.
          </p>
        </Confirm>
      )}
    </section>
  );
}
