import type { ImportSummary } from '../../../../../contract';
import { formatNip } from '../../../lib/nip';
import type { Column } from '../ui/Table';
import { Table } from '../ui/Table';

type Missing = ImportSummary['missing'][number];

/**
 * Active ASN who are not in the new file. Nobody is deactivated silently: the admin ticks
 * those who have left (retired, moved away); the rest stay active.
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
  const all = missing.length > 0 && missing.every((m) => chosen.has(m.nip));
  const toggle = (nip: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(nip);
    else next.delete(nip);
    onChoose(next);
  };
  const columns: Column<Missing>[] = [
    {
      head: <input type="checkbox" checked={all} aria-label="Pilih semua" onChange={(e) => onChoose(e.currentTarget.checked ? new Set(missing.map((m) => m.nip)) : new Set())} />,
      class: 'adm-col-check',
      td: () => ({ class: 'adm-col-check' }),
      cell: (m) => (
        <input type="checkbox" checked={chosen.has(m.nip)} aria-label={`Nonaktifkan ${m.nama}`} onChange={(e) => toggle(m.nip, e.currentTarget.checked)} data-nip={m.nip} />
      ),
    },
    { head: 'NIP', cell: (m) => formatNip(m.nip), td: () => ({ class: 'adm-nip' }) },
    { head: 'Nama', cell: (m) => m.nama },
    { head: 'OPD', cell: (m) => opdNama(m.opd) },
  ];
  return (
    <section class="adm-missing" data-testid="roster-missing">
      <h4>ASN aktif yang tidak ada di berkas ({missing.length.toLocaleString('id-ID')})</h4>
      <p class="muted">
        Mereka tetap aktif kecuali Anda mencentangnya. Yang dicentang dinonaktifkan (riwayatnya disimpan) dan tautannya
        dicabut.
      </p>
      <div class="adm-table-wrap adm-scroll">
        <Table columns={columns} rows={missing} rowKey={(m) => m.nip} tr={(m) => ({ class: chosen.has(m.nip) ? 'adm-chosen' : undefined })} />
      </div>
    </section>
  );
}
