import { useState } from 'preact/hooks';
import type { HolidayImport } from '../../../../../contract';
import { importHolidays } from '../api/calendar';
import type { AdminContext } from '../context';
import { readTextFile } from '../ui/files';
import { FileButton } from '../ui/FileButton';
import { ErrorNote } from '../ui/Messages';
import { ProblemTable } from '../ui/ProblemTable';
import { useAction } from '../ui/useAction';
import { angka } from '../../../lib/number';

/** Next year's holidays from a CSV (`tanggal,jenis,keterangan`, as in demo-data/libur-2026.csv). */
export function HolidayUpload({ ctx, onImported }: { ctx: AdminContext; onImported: () => void }) {
  const [result, setResult] = useState<HolidayImport>();
  const [inputKey, setInputKey] = useState(0);
  const [csv, setCsv] = useState<string>();
  const up = useAction();

  async function send(text: string) {
    setResult(undefined);
    const r = await up.run(() => importHolidays(ctx.token, text));
    if (r) {
      setResult(r);
      setInputKey((k) => k + 1);
      onImported();
    }
  }

  return (
    <details class="adm-upload" data-testid="libur-upload">
      <summary>Unggah kalender libur dari berkas CSV (mis. SKB tahun depan)</summary>
      <p class="muted">
        Kolom: <code>tanggal, jenis, keterangan</code>; tanggal <code>YYYY-MM-DD</code>, jenis <code>libur_nasional</code> atau{' '}
        <code>cuti_bersama</code>. Tanggal yang sudah ada diperbarui.
      </p>
      <FileButton
        key={inputKey}
        label="Pilih berkas CSV…"
        accept=".csv,text/csv"
        disabled={up.busy}
        onFile={async (f) => {
          const { text } = await readTextFile(f);
          setCsv(text);
          void send(text);
        }}
        testId="libur-berkas"
      />
      {up.busy && <p class="muted">Mengunggah…</p>}
      <ErrorNote error={up.error} onRetry={csv ? () => void send(csv) : undefined} />
      {result && (
        <div role="status">
          <p class="adm-note adm-note-done">
            {angka(result.added)} ditambahkan, {angka(result.updated)} diperbarui, {angka(result.unchanged)} tetap
            {result.problems.length > 0 && `, ${angka(result.problems.length)} baris bermasalah dilewati`}.
          </p>
          {result.problems.length > 0 && <ProblemTable problems={result.problems} />}
        </div>
      )}
    </details>
  );
}
