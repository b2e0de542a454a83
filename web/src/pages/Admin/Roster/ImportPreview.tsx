import type { ImportSummary } from '../../../../../contract';
import { formatNip } from '../../../lib/nip';
import { KOLOM } from '../ui/labels';
import { ProblemTable } from '../ui/ProblemTable';
import { MissingList } from './MissingList';

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
  const items: [string, number, string?][] = [
    ['Baris data', preview.total],
    ['Valid', preview.valid],
    ['Bermasalah', preview.problems.length, preview.problems.length ? 'bad' : undefined],
    ['Baru', c.baru],
    ['Berubah', c.berubah],
    ['Pindah OPD', c.pindah],
    ['Aktif kembali', c.aktifKembali],
    ['Tetap', c.tetap],
    ['Tidak ada di berkas', c.missing, c.missing ? 'late' : undefined],
  ];
  return (
    <div class="adm-preview" data-testid="roster-preview">
      <h3>Pratinjau</h3>
      <dl class="adm-totals">
        {items.map(([label, n, tone]) => (
          <div key={label} class={tone ? `adm-tone-${tone}` : undefined}>
            <dt>{label}</dt>
            <dd>{n.toLocaleString('id-ID')}</dd>
          </div>
        ))}
      </dl>

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
          <summary>ASN baru ({c.baru.toLocaleString('id-ID')})</summary>
          <table class="adm-table">
            <thead>
              <tr>
                <th scope="col">NIP</th>
                <th scope="col">Nama</th>
                <th scope="col">Jabatan</th>
                <th scope="col">OPD</th>
              </tr>
            </thead>
            <tbody>
              {preview.baru.slice(0, SHOW).map((a) => (
                <tr key={a.nip}>
                  <td class="adm-nip">{formatNip(a.nip)}</td>
                  <td>{a.nama}</td>
                  <td>{a.jabatan}</td>
                  <td>{opdNama(a.opd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <More n={preview.baru.length} />
        </details>
      )}

      {preview.berubah.length > 0 && (
        <details>
          <summary>Data berubah ({c.berubah.toLocaleString('id-ID')})</summary>
          <table class="adm-table">
            <thead>
              <tr>
                <th scope="col">NIP</th>
                <th scope="col">Nama</th>
                <th scope="col">Perubahan</th>
              </tr>
            </thead>
            <tbody>
              {preview.berubah.slice(0, SHOW).map((b) => (
                <tr key={b.sesudah.nip}>
                  <td class="adm-nip">{formatNip(b.sesudah.nip)}</td>
                  <td>{b.sesudah.nama}</td>
                  <td>
                    {b.kolom.map((k) => (
                      <span key={k} class="adm-change">
                        {KOLOM[k] ?? k}: <del>{show(b.sebelum[k as keyof typeof b.sebelum])}</del> →{' '}
                        <ins>{show(b.sesudah[k as keyof typeof b.sesudah])}</ins>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <More n={preview.berubah.length} />
        </details>
      )}

      {preview.missing.length > 0 && <MissingList missing={preview.missing} chosen={chosen} onChoose={onChoose} opdNama={opdNama} />}
    </div>
  );
}

function show(v: unknown): string {
  if (v === true) return 'ya';
  if (v === false) return 'tidak';
  return v === '' || v === undefined || v === null ? '(kosong)' : String(v);
}

function More({ n }: { n: number }) {
  return n > SHOW ? <p class="muted">… dan {(n - SHOW).toLocaleString('id-ID')} lainnya.</p> : null;
}
