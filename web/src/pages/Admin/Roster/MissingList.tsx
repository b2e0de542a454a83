import { useState } from 'preact/hooks';
import type { ImportSummary } from '../../../../../contract';
import { formatNip } from '../../../lib/nip';
import type { Column } from '../ui/Table';
import { Table } from '../ui/Table';
import { angka } from '../../../lib/number';

type Missing = ImportSummary['missing'][number];

/**
 * Active ASN who are not in the new file, or whom the file lists as not active (SIASN's
 * KEDUDUKAN HUKUM: Pensiun, Meninggal, …, shown as the reason). Nobody is deactivated
 * silently: the admin ticks those who have left; the rest stay active. Filterable by OPD,
 * with how many per OPD before anyone is ticked.
 */
export function MissingList({
  missing,
  chosen,
  onChoose,
  opdNama,
}: {
  missing: ImportSummary['missing'];
  chosen: Set<string>;
  onChoose: (next: Set<string>) => void;
  opdNama: (kode: string) => string;
}) {
  const [opd, setOpd] = useState('');
  const perOpd = [...missing.reduce((m, x) => m.set(x.opd, (m.get(x.opd) ?? 0) + 1), new Map<string, number>())].sort((a, b) =>
    opdNama(a[0]).localeCompare(opdNama(b[0]), 'id'),
  );
  const shown = opd ? missing.filter((m) => m.opd === opd) : missing;
  const all = shown.length > 0 && shown.every((m) => chosen.has(m.nip));
  const selectShown = (on: boolean) => {
    const next = new Set(chosen);
    for (const m of shown) {
      if (on) next.add(m.nip);
      else next.delete(m.nip);
    }
    onChoose(next);
  };
  const toggle = (nip: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(nip);
    else next.delete(nip);
    onChoose(next);
  };
  const columns: Column<Missing>[] = [
    {
      head: <input type="checkbox" checked={all} aria-label="Pilih semua yang tampil" onChange={(e) => selectShown(e.currentTarget.checked)} />,
      class: 'adm-col-check',
      td: () => ({ class: 'adm-col-check' }),
      cell: (m) => (
        <input type="checkbox" checked={chosen.has(m.nip)} aria-label={`Nonaktifkan ${m.nama}`} onChange={(e) => toggle(m.nip, e.currentTarget.checked)} data-nip={m.nip} />
      ),
    },
    { head: 'NIP', cell: (m) => formatNip(m.nip), td: () => ({ class: 'adm-nip' }) },
    { head: 'Nama', cell: (m) => m.nama },
    { head: 'OPD', cell: (m) => opdNama(m.opd) },
    { head: 'Alasan', cell: (m) => m.alasan ?? 'tidak ada di berkas' },
  ];
  return (
    <section class="adm-missing" data-testid="roster-missing">
      <h4>ASN aktif yang diusulkan dinonaktifkan: tidak ada di berkas, atau tidak aktif menurut berkas ({angka(missing.length)})</h4>
      <p class="muted">
        Mereka tetap aktif kecuali Anda mencentangnya. Yang dicentang dinonaktifkan (riwayatnya disimpan) dan tautannya
        dicabut.
      </p>
      <label class="adm-filter">
        <span>OPD</span>
        <select value={opd} onChange={(e) => setOpd(e.currentTarget.value)} data-testid="missing-opd">
          <option value="">Semua OPD ({angka(missing.length)})</option>
          {perOpd.map(([kode, n]) => (
            <option key={kode} value={kode}>
              {opdNama(kode)} ({angka(n)})
            </option>
          ))}
        </select>
      </label>
      <div class="adm-table-wrap adm-scroll">
        <Table columns={columns} rows={shown} rowKey={(m) => m.nip} tr={(m) => ({ class: chosen.has(m.nip) ? 'adm-chosen' : undefined })} />
      </div>
    </section>
  );
}
