import type { Counts, OverviewOpd, OverviewSesi } from '../../../../../contract';
import { hourMinute } from '../../../lib/time';
import type { Column as TableColumn } from '../ui/Table';
import { Table } from '../ui/Table';
import type { Total } from '../ui/Totals';
import { Totals } from '../ui/Totals';
import { useSort } from '../ui/useSort';
import type { SortColumn } from './columns';
import { COUNT_COLUMNS, formatPersen, persen } from './columns';
import { angka } from '../../../lib/number';

const STATE = { terjadwal: 'Belum dibuka', dibuka: 'Sedang dibuka', ditutup: 'Ditutup' } as const;

/** One sesi: its window, any disruption, and a sortable table of every OPD's counts with the total. */
export function SesiOverview({ sesi, timeZone, zoneLabel }: { sesi: OverviewSesi; timeZone: string; zoneLabel: string }) {
  const columns = COUNT_COLUMNS.filter(
    (c) => (!c.whileOpen || sesi.state !== 'ditutup') && (c.key !== 'dibebaskan' || sesi.total.dibebaskan > 0 || sesi.gangguan?.mode === 'bebaskan'),
  );
  const { sorted, sort, toggle } = useSort(
    sesi.opd,
    (row, key: SortColumn) => (key === 'nama' ? row.nama : key === 'persen' ? persen(row.counts) : row.counts[key]),
    { key: 'nama', desc: false },
  );
  const table: TableColumn<OverviewOpd, SortColumn>[] = [
    {
      head: 'OPD',
      sortKey: 'nama',
      rowHeader: true,
      cell: (row) => (
        <>
          {row.nama}
          {!row.wfa && (
            <span class="adm-tag" title="Dikecualikan dari WFA: bekerja dari kantor">
              WFO
            </span>
          )}
        </>
      ),
    },
    ...columns.map(
      (c): TableColumn<OverviewOpd, SortColumn> => ({
        head: c.label,
        title: c.title,
        sortKey: c.key,
        numeric: true,
        cell: (row) => row.counts[c.key],
        td: (row) => ({ class: `adm-num${c.tone && row.counts[c.key] > 0 ? ` adm-tone-${c.tone}` : ''}`, 'data-col': c.key }),
      }),
    ),
    { head: '% Hadir', title: '(Hadir + terlambat) ÷ diharapkan', sortKey: 'persen', numeric: true, cell: (row) => formatPersen(persen(row.counts)), td: () => ({ class: 'adm-num' }) },
  ];
  const t = (iso: string) => hourMinute(iso, timeZone);
  return (
    <section class="adm-card adm-sesi" data-testid={`ringkasan-${sesi.id}`} aria-labelledby={`h-${sesi.id}`}>
      <header class="adm-sesi-head">
        <h2 id={`h-${sesi.id}`}>
          {sesi.label}
          {sesi.demo && <span class="tag tag-demo">Percobaan</span>}
        </h2>
        <p class={`adm-state adm-state-${sesi.state}`}>{STATE[sesi.state]}</p>
        <p class="muted">
          {t(sesi.opensAt)}–{t(sesi.closesAt)} {zoneLabel} · tepat waktu s.d. {t(sesi.onTimeUntil)}
        </p>
      </header>
      {sesi.gangguan && (
        <p class="adm-note adm-note-warn" data-testid="gangguan">
          Gangguan: {sesi.gangguan.keterangan} —{' '}
          {sesi.gangguan.mode === 'perpanjang'
            ? `waktu apel diperpanjang ${sesi.gangguan.menit ?? ''} menit`
            : 'tidak ada yang dicatat terlambat atau tidak hadir'}
        </p>
      )}
      <SesiTotals total={sesi.total} open={sesi.state !== 'ditutup'} />
      <div class="adm-table-wrap">
        <Table
          columns={table}
          rows={sorted}
          rowKey={(row) => row.kode}
          tr={(row) => ({ 'data-opd': row.kode })}
          sort={{ state: sort, onSort: toggle }}
          class="adm-table-counts"
          caption={<caption class="adm-sr">{sesi.label}: kehadiran per OPD. Klik judul kolom untuk mengurutkan.</caption>}
          foot={
            <tfoot>
              <tr>
                <th scope="row">Semua OPD</th>
                {columns.map((c) => (
                  <td key={c.key} class="adm-num" data-col={c.key}>
                    {angka(sesi.total[c.key])}
                  </td>
                ))}
                <td class="adm-num">{formatPersen(persen(sesi.total))}</td>
              </tr>
            </tfoot>
          }
        />
      </div>
    </section>
  );
}

function SesiTotals({ total, open }: { total: Counts; open: boolean }) {
  const excused = total.izin + total.sakit + total.cuti + total.dinas_luar + total.tugas_belajar;
  const items: Total[] = [
    ['Jumlah ASN', total.expected],
    ['Hadir', total.hadir, 'ok'],
    ['Terlambat', total.terlambat, 'late'],
    ['Berhalangan', excused],
    ...(open ? [['Belum presensi', total.belumHadir] satisfies Total] : []),
    ['Tidak hadir', total.tidakHadir, 'bad'],
  ];
  return <Totals items={items} testId="totals" />;
}
