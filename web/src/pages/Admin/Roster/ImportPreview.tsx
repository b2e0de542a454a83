import type { AsnView, ImportSummary } from '../../../../../contract';
import { formatNip } from '../../../lib/nip';
import { formatPhone } from '../../../../../functions/core/phone';
import { KOLOM } from '../ui/labels';
import { ProblemTable } from '../ui/ProblemTable';
import type { Column } from '../ui/Table';
import { Table } from '../ui/Table';
import type { Total } from '../ui/Totals';
import { Totals } from '../ui/Totals';
import { MissingList } from './MissingList';
import { angka } from '../../../lib/number';

/** Long lists are cut here on screen; the counts above them are complete. */
const SHOW = 200;

/** What an import would do: counts, every problem row, the changes, and the ASN missing from the file. */
export function ImportPreview({
  preview,
  chosen,
  onChoose,
  opdNama,
}: {
  preview: ImportSummary;
  chosen: Set<string>;
  onChoose: (next: Set<string>) => void;
  opdNama: (kode: string) => string;
}) {
  const c = preview.counts;
  const items: Total[] = [
    ['Baris data', preview.total],
    ['Valid', preview.valid],
    ['Bermasalah', preview.problems.length, preview.problems.length ? 'bad' : undefined],
    ['Ditahan (unit belum dipetakan)', c.ditahan, c.ditahan ? 'bad' : undefined],
    ['Tidak aktif menurut berkas', c.tidakAktif, c.tidakAktif ? 'late' : undefined],
    ['Baru', c.baru],
    ['Berubah', c.berubah],
    ['Pindah OPD', c.pindah],
    ['Aktif kembali', c.aktifKembali],
    ['Tetap', c.tetap],
    ['Diusulkan nonaktif', c.missing, c.missing ? 'late' : undefined],
  ];
  const newColumns: Column<AsnView>[] = [
    { head: 'NIP', cell: (a) => formatNip(a.nip), td: () => ({ class: 'adm-nip' }) },
    { head: 'Nama', cell: (a) => a.nama },
    { head: 'Jabatan', cell: (a) => a.jabatan },
    { head: 'OPD', cell: (a) => opdNama(a.opd) },
  ];
  return (
    <div class="adm-preview" data-testid="roster-preview">
      <h3>Pratinjau</h3>
      <Totals items={items} />

      {preview.problems.length > 0 && (
        <section>
          <h4>Baris bermasalah (tidak disimpan)</h4>
          <div class="adm-table-wrap adm-scroll">
            <ProblemTable problems={preview.problems} testId="roster-problems" />
          </div>
        </section>
      )}

      {preview.baru.length > 0 && (
        <details>
          <summary>ASN baru ({angka(c.baru)})</summary>
          <Table columns={newColumns} rows={preview.baru.slice(0, SHOW)} rowKey={(a) => a.nip} />
          <More n={preview.baru.length} />
        </details>
      )}

      {preview.berubah.length > 0 && (
        <details>
          <summary>Data berubah ({angka(c.berubah)})</summary>
          <Table columns={changedColumns} rows={preview.berubah.slice(0, SHOW)} rowKey={(b) => b.sesudah.nip} />
          <More n={preview.berubah.length} />
        </details>
      )}

      {preview.missing.length > 0 && <MissingList missing={preview.missing} chosen={chosen} onChoose={onChoose} opdNama={opdNama} />}
    </div>
  );
}

type Changed = ImportSummary['berubah'][number];

const changedColumns: Column<Changed>[] = [
  { head: 'NIP', cell: (b) => formatNip(b.sesudah.nip), td: () => ({ class: 'adm-nip' }) },
  { head: 'Nama', cell: (b) => b.sesudah.nama },
  {
    head: 'Perubahan',
    cell: (b) =>
      b.kolom.map((k) => (
        <span key={k} class="adm-change">
          {KOLOM[k] ?? k}: <del>{show(k === 'noHp' ? formatPhone(String(b.sebelum[k] ?? '')) : b.sebelum[k])}</del> →{' '}
          <ins>{show(k === 'noHp' ? formatPhone(String(b.sesudah[k] ?? '')) : b.sesudah[k])}</ins>
        </span>
      )),
  },
];

function show(v: unknown): string {
  if (v === true) return 'ya';
  if (v === false) return 'tidak';
  return v === '' || v === undefined || v === null ? '(kosong)' : String(v);
}

function More({ n }: { n: number }) {
  return n > SHOW ? <p class="muted">… dan {angka(n - SHOW)} lainnya.</p> : null;
}
