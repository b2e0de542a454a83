import { useState } from 'preact/hooks';
import type { TppOpdSummary } from '../../../../../contract';
import { DateField } from '../../../components/DateField';
import { saveFile } from '../../../lib/download';
import { getTppRegency, getTppRegencyCsv } from '../api/tpp';
import type { AdminContext } from '../context';
import { ErrorNote, Loading } from '../ui/Messages';
import { Table } from '../ui/Table';
import { asApiError, useLoad } from '../ui/useLoad';
import type { ApiError } from '../../../lib/api';
import { angka } from '../../../lib/number';

const CODES = ['H', 'TL', 'TK', 'I', 'S', 'C', 'DL', 'TB', 'DB'] as const;

/**
 * Rekap TPP of the regency for a month: one row per OPD (the heads see theirs per ASN on their
 * page), and the CSVs payroll takes: every ASN of the regency, or the per-OPD summary.
 */
export function TppPage({ ctx }: { ctx: AdminContext }) {
  const thisMonth = ctx.today.slice(0, 7);
  const [bulan, setBulan] = useState(thisMonth);
  const month = useLoad(() => getTppRegency(ctx.token, bulan), bulan);
  const [csvError, setCsvError] = useState<ApiError>();
  const [busy, setBusy] = useState<'asn' | 'opd'>();

  const download = async (isi: 'asn' | 'opd') => {
    setBusy(isi);
    setCsvError(undefined);
    try {
      const { blob, filename } = await getTppRegencyCsv(ctx.token, bulan, isi);
      saveFile(filename, blob);
    } catch (e) {
      setCsvError(asApiError(e));
    } finally {
      setBusy(undefined);
    }
  };

  const d = month.data;
  const columns = [
    {
      head: 'OPD',
      rowHeader: true,
      cell: (o: TppOpdSummary) =>
        o.kode ? (
          <>
            {o.nama}
            {!o.wfa && <span class="muted"> · dikecualikan dari WFA</span>}
          </>
        ) : (
          <strong>{o.nama}</strong>
        ),
    },
    { head: 'ASN', class: 'adm-num', cell: (o: TppOpdSummary) => angka(o.asn), td: () => ({ class: 'adm-num' }) },
    { head: 'Apel', class: 'adm-num', cell: (o: TppOpdSummary) => angka(o.apel), td: () => ({ class: 'adm-num' }) },
    ...CODES.map((c) => ({ head: c, class: 'adm-num', cell: (o: TppOpdSummary) => angka(o.jumlah[c]), td: () => ({ class: 'adm-num' }) })),
    { head: 'TL1/2/3/4', cell: (o: TppOpdSummary) => `${angka(o.tl.TL1)}/${angka(o.tl.TL2)}/${angka(o.tl.TL3)}/${angka(o.tl.TL4)}` },
    { head: 'Luring', title: 'Presensi yang tersimpan di ponsel tanpa jaringan dan terkirim kemudian', class: 'adm-num', cell: (o: TppOpdSummary) => angka(o.luring), td: () => ({ class: 'adm-num' }) },
    { head: 'Dipotong', title: 'ASN yang kena potongan', class: 'adm-num', cell: (o: TppOpdSummary) => angka(o.kenaPotongan), td: () => ({ class: 'adm-num' }) },
    { head: 'Rata-rata', title: 'Rata-rata potongan per ASN', class: 'adm-num', cell: (o: TppOpdSummary) => `${angka(o.rataPotongan, 2)} %`, td: () => ({ class: 'adm-num' }) },
  ];

  return (
    <>
      <h2 class="adm-title">Rekap TPP</h2>
      <p class="adm-sub muted">
        Satu bulan apel dalam bentuk untuk penggajian: jumlah H, TL (TL1–TL4 menurut menit terlambat), TK, I, S, C, DL, TB, DB per ASN dan potongan TPP
        menurut aturan di konfigurasi (<code>tpp</code>){d ? `: ${d.aturan.dasar}` : ''}. Angkanya sama dengan rekap pimpinan untuk hari yang sama.
      </p>
      <div class="adm-card adm-filters">
        <label>
          Bulan
          <DateField kind="bulan" value={bulan} max={thisMonth} required onChange={(b) => b && setBulan(b)} testId="tpp-bulan" />
        </label>
        <button type="button" class="adm-btn adm-btn-primary" onClick={() => void download('asn')} disabled={busy !== undefined} data-testid="tpp-csv-asn">
          {busy === 'asn' ? 'Menyiapkan…' : 'Unduh CSV per ASN'}
        </button>
        <button type="button" class="adm-btn" onClick={() => void download('opd')} disabled={busy !== undefined} data-testid="tpp-csv-opd">
          {busy === 'opd' ? 'Menyiapkan…' : 'Unduh CSV per OPD'}
        </button>
      </div>
      <ErrorNote error={csvError} />
      <ErrorNote error={month.error} onRetry={() => void month.reload()} />
      {month.loading && !d && <Loading what="rekap TPP" />}
      {d && (
        <div class="adm-card">
          <p class="muted">
            {angka(d.total.asn)} ASN, {angka(d.total.apel)} apel; {angka(d.total.kenaPotongan)} ASN kena potongan.
          </p>
          <div class="adm-table-wrap">
            <Table columns={columns} rows={[...d.opd, d.total]} rowKey={(o) => o.kode || 'total'} class="adm-tpp" testId="tpp-opd" />
          </div>
        </div>
      )}
    </>
  );
}
