import { useState } from 'preact/hooks';
import type { ImportField, ImportMapping, ImportResult, ImportSummary, LinkCard, OpdListRow } from '../../../../../contract';
import { ApiError } from '../../../lib/api';
import { links as issueLinks } from '../api/links';
import { importRoster, previewRoster } from '../api/roster';
import { IssuedLinks } from '../Links/IssuedLinks';
import type { AdminContext } from '../context';
import { Confirm } from '../ui/Confirm';
import { readTextFile } from '../ui/files';
import { DoneNote, ErrorNote } from '../ui/Messages';
import { useAction } from '../ui/useAction';
import { ColumnMapping, UnitMapping } from './ImportMapping';
import { ImportPreview } from './ImportPreview';
import type { Workbook } from './spreadsheet';
import { FileButton } from '../ui/FileButton';
import { angka } from '../../../lib/number';

interface Chosen {
  name: string;
  csv: string;
  encoding: string;
  /** An .xlsx: its sheets, and the one read. */
  workbook?: Workbook;
  sheet?: string;
}

/** The API's limit on a request (functions/handlers/admin/routes.ts). */
const MAX_BYTES = 5 * 1024 * 1024;
const mb = (n: number) => angka(n / 1024 / 1024, 1);
const fileError = (message: string) => new ApiError(400, 'BERKAS_TIDAK_VALID', message);

/**
 * The file's text: a CSV as it is; a spreadsheet (.xlsx, .xls, .ods) read here by SheetJS,
 * loaded only now (its own chunk), its first sheet (or the chosen one) as CSV. The server
 * reads, maps and checks everything, for the console and the command line alike.
 */
async function readChosen(f: File): Promise<Chosen> {
  if (f.size === 0) throw fileError('Berkas kosong: tidak ada judul kolom maupun baris data.');
  const head = new Uint8Array(await f.slice(0, 4).arrayBuffer());
  const isZipOrOle = (head[0] === 0x50 && head[1] === 0x4b) || (head[0] === 0xd0 && head[1] === 0xcf);
  if (/\.(xlsx|xlsm|xls|ods)$/i.test(f.name) || isZipOrOle) {
    if (f.size > 4 * MAX_BYTES) throw fileError(`Lembar kerja terlalu besar (${mb(f.size)} MB). Simpan hanya lembar data ASN lalu pilih lagi.`);
    const { readWorkbook } = await import('./spreadsheet');
    let workbook: Workbook;
    try {
      workbook = readWorkbook(await f.arrayBuffer());
    } catch (e) {
      throw fileError((e as Error).message);
    }
    return sheetOf({ name: f.name, csv: '', encoding: 'UTF-8', workbook }, workbook.sheets[0]!);
  }
  if (f.size > MAX_BYTES) throw fileError(`Berkas terlalu besar (${mb(f.size)} MB); paling besar ${mb(MAX_BYTES)} MB. Pecah per OPD, atau hapus kolom yang tidak perlu.`);
  const { text, encoding } = await readTextFile(f);
  return { name: f.name, csv: text, encoding };
}

function sheetOf(file: Chosen, sheet: string): Chosen {
  const csv = file.workbook!.csv(sheet);
  if (new Blob([csv]).size > MAX_BYTES) throw fileError(`Lembar "${sheet}" terlalu besar sebagai CSV (${mb(new Blob([csv]).size)} MB); paling besar ${mb(MAX_BYTES)} MB.`);
  return { ...file, csv, sheet };
}

/**
 * Roster import from HR's CSV: choose the file, see the preview (nothing is written yet),
 * tick who of the missing ASN to deactivate, then "Simpan". Re-importing the same file
 * changes nothing, so a failed save can simply be sent again.
 */
export function ImportPanel({
  ctx,
  opds,
  opdNama,
  onImported,
}: {
  ctx: AdminContext;
  opds: OpdListRow[];
  opdNama: (kode: string) => string;
  onImported: () => void;
}) {
  const [file, setFile] = useState<Chosen>();
  const [pemetaan, setPemetaan] = useState<ImportMapping>({});
  const [issued, setIssued] = useState<{ links: LinkCard[]; namaBerkas: string }>();
  const [preview, setPreview] = useState<ImportSummary>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<ImportResult>();
  const [confirming, setConfirming] = useState(false);
  // A new key empties the file input, so the same file can be chosen again.
  const [inputKey, setInputKey] = useState(0);
  const read = useAction();
  const save = useAction();
  const issue = useAction();

  async function show(next: Chosen, map: ImportMapping) {
    const p = await read.run(() => previewRoster(ctx.token, next.csv, map));
    if (p) setPreview(p);
  }

  function remap(map: ImportMapping) {
    setPemetaan(map);
    setChosen(new Set());
    if (file) void show(file, map);
  }
  const mapColumn = (field: ImportField, header: string | null) => remap({ ...pemetaan, kolom: { ...pemetaan.kolom, [field]: header } });
  const mapUnit = (nilai: string, kode: string) => remap({ ...pemetaan, opd: { ...pemetaan.opd, [nilai]: kode } });

  async function chooseSheet(sheet: string) {
    if (!file?.workbook) return;
    const next = await read.run(async () => sheetOf(file, sheet));
    if (!next) return;
    setFile(next);
    setPreview(undefined);
    setPemetaan({});
    void show(next, {});
  }

  async function issueNew(nips: string[]) {
    const r = await issue.run(
      () => issueLinks(ctx.token, { cakupan: { nips }, aksi: 'terbitkan' }),
      (x) => `${angka(x.jumlah)} tautan diterbitkan untuk ASN baru: simpan CSV atau cetak kartunya sekarang (tautan hanya tampil sekali).`,
    );
    if (r && r.aksi === 'terbitkan' && r.jumlah > 0) setIssued({ links: r.tautan, namaBerkas: r.namaBerkas.replace('-baru-', '-asn-baru-') });
  }

  async function choose(f: File | undefined) {
    setPreview(undefined);
    setResult(undefined);
    setIssued(undefined);
    setChosen(new Set());
    setPemetaan({});
    save.reset();
    issue.reset();
    if (!f) {
      setFile(undefined);
      setInputKey((k) => k + 1);
      return;
    }
    const next = await read.run(() => readChosen(f));
    setFile(next);
    if (next) void show(next, {});
  }

  async function commit() {
    if (!file) return;
    setConfirming(false);
    const done = await save.run(
      () => importRoster(ctx.token, file.csv, [...chosen], pemetaan),
      (r) =>
        `Tersimpan: ${angka(r.counts.baru)} ASN baru, ${angka(r.counts.berubah)} berubah, ${angka(r.counts.pindah)} pindah OPD, ` +
        `${angka(r.nonaktif.length)} dinonaktifkan (${angka(r.tautanDicabut)} tautan dicabut).` +
        (r.problems.length ? ` ${angka(r.problems.length)} baris bermasalah dilewati.` : '') +
        (r.counts.ditahan ? ` ${angka(r.counts.ditahan)} baris ditahan karena unit kerjanya belum dipetakan ke OPD.` : '') +
        (r.counts.baru ? ` ${angka(r.counts.baru)} ASN baru belum punya tautan pribadi.` : ''),
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
      <h2 id="impor-h">Impor daftar pegawai dari berkas kepegawaian</h2>
      <p class="muted">
        "Export Data ASN" dari SIASN, atau lembar kerja apa pun: CSV (pemisah koma, titik koma, <code>|</code> atau tab) atau
        Excel <code>.xlsx</code>. Kolom NIP, nama dan OPD/unit kerja dikenali sendiri atau Anda pilih; peran dan nomor HP
        boleh tidak ada. Pratinjau dulu; tidak ada yang disimpan sebelum Anda menekan <strong>Simpan</strong>.
      </p>
      <FileButton
        key={inputKey}
        label="Pilih berkas CSV atau Excel…"
        accept=".csv,.txt,.xlsx,.xls,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onFile={(f) => void choose(f)}
        testId="roster-file"
        disabled={read.busy || save.busy}
      />
      {file?.workbook && file.workbook.sheets.length > 1 && (
        <label class="adm-filter">
          <span>Lembar kerja</span>
          <select value={file.sheet} disabled={read.busy || save.busy} onChange={(e) => void chooseSheet(e.currentTarget.value)} data-testid="roster-sheet">
            {file.workbook.sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
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
      <ErrorNote error={read.error} onRetry={file ? () => void show(file, pemetaan) : undefined} />
      {preview && file && (
        <>
          <ColumnMapping berkas={preview.berkas} onChange={mapColumn} disabled={read.busy || save.busy} />
          {preview.unit.length > 0 && <UnitMapping units={preview.unit} opds={opds} onChange={mapUnit} disabled={read.busy || save.busy} />}
          <ImportPreview preview={preview} chosen={chosen} onChoose={setChosen} opdNama={opdNama} />
          <ErrorNote error={save.error} />
          <div class="adm-actions">
            <button
              type="button"
              class="adm-btn adm-btn-primary"
              disabled={save.busy || read.busy || preview.berkas.kurang.length > 0 || (preview.valid === 0 && chosen.size === 0)}
              onClick={() => (chosen.size > 0 ? setConfirming(true) : void commit())}
              data-testid="roster-save"
            >
              {save.busy ? 'Menyimpan…' : 'Simpan'}
            </button>
            <button type="button" class="adm-btn" disabled={save.busy} onClick={() => void choose(undefined)}>
              Batalkan impor
            </button>
            <span class="muted">
              {angka(preview.valid)} baris siap disimpan
              {preview.problems.length > 0 && `, ${angka(preview.problems.length)} baris bermasalah dilewati`}
              {chosen.size > 0 && `, ${angka(chosen.size)} ASN dinonaktifkan`}.
            </span>
          </div>
        </>
      )}
      <DoneNote text={save.done} />
      {result && result.baru.length > 0 && !issued && (
        <div class="adm-actions">
          <button type="button" class="adm-btn adm-btn-primary" disabled={issue.busy} onClick={() => void issueNew(result.baru.map((a) => a.nip))} data-testid="issue-new-links">
            {issue.busy ? 'Menerbitkan…' : `Terbitkan tautan untuk ${angka(result.baru.length)} ASN baru`}
          </button>
        </div>
      )}
      <ErrorNote error={issue.error} />
      <DoneNote text={issue.done} />
      {issued && <IssuedLinks links={issued.links} namaBerkas={issued.namaBerkas} onClose={() => setIssued(undefined)} />}
      {result && result.problems.length > 0 && (
        <p class="muted">Perbaiki baris bermasalah di lembar kerja lalu impor lagi; baris yang sudah tersimpan tidak berubah.</p>
      )}
      {confirming && (
        <Confirm
          title={`Nonaktifkan ${angka(chosen.size)} ASN?`}
          confirmLabel={`Simpan dan nonaktifkan ${angka(chosen.size)} ASN`}
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
