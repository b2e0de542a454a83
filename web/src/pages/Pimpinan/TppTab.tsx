import { useEffect, useState } from 'preact/hooks';
import type { TppMonth } from '../../../../contract';
import { saveFile } from '../../lib/download';
import { formatNip } from '../../lib/nip';
import { angka } from '../../lib/number';
import { getTppCsv, getTppMonth, messageOf } from './api';
import { monthLabel, recentMonths } from './months';
import type { TabProps } from './tabs';

const COUNTS = ['H', 'TL', 'TK', 'I', 'S', 'C', 'DL', 'TB', 'DB'] as const;

/** Rekap TPP of the OPD: a month per ASN in the form payroll uses, and its CSV. */
export function TppTab({ token, opd, today }: TabProps) {
  const months = recentMonths(today);
  const [bulan, setBulan] = useState(months[0]!);
  const [data, setData] = useState<TppMonth>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setBusy(true);
    setError(undefined);
    getTppMonth(token, opd, bulan).then(
      (d) => {
        setData(d);
        setBusy(false);
      },
      (e) => {
        setError(messageOf(e));
        setBusy(false);
      },
    );
  }, [token, opd, bulan]);

  const download = async () => {
    try {
      const { blob, filename } = await getTppCsv(token, opd, bulan);
      saveFile(filename, blob);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <>
      <section class="card" aria-labelledby="tpp-title">
        <h2 id="tpp-title">Rekap TPP</h2>
        <p class="muted">
          Jumlah tiap kode per ASN dalam sebulan (apel yang sudah ditutup) dan potongan TPP menurut aturan daerah
          {data ? `: ${data.aturan.dasar}` : ''}.
        </p>
        <div class="form">
          <label>
            Bulan
            <select value={bulan} onChange={(e) => setBulan(e.currentTarget.value)} data-testid="tpp-bulan">
              {months.map((m) => (
                <option key={m} value={m}>
                  {monthLabel(m)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div class="actions">
          <button type="button" class="btn-secondary" onClick={() => void download()} data-testid="tpp-csv">
            Unduh CSV (Excel)
          </button>
        </div>
        {busy && <p class="muted" role="status">Memuat…</p>}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {data && <TppRules data={data} />}
      </section>
      {data && (
        <section class="card" aria-labelledby="tpp-asn-title" data-testid="tpp-asn">
          <h2 id="tpp-asn-title">
            {monthLabel(data.bulan)}: {angka(data.ringkasan.apel)} apel, {angka(data.ringkasan.asn)} ASN
          </h2>
          <p class="muted">
            {angka(data.ringkasan.kenaPotongan)} ASN kena potongan; rata-rata {angka(data.ringkasan.rataPotongan, 2)} %.
          </p>
          {data.ringkasan.apel === 0 ? (
            <p data-testid="tpp-kosong">Belum ada apel yang ditutup pada bulan ini.</p>
          ) : (
            <>
              <p class="scroll-hint muted" aria-hidden="true">
                Geser tabel ke samping untuk melihat semua kolom →
              </p>
              <div class="scroll" tabIndex={0}>
                <table class="grid-table">
                  <thead>
                    <tr>
                      <th scope="col" class="sticky">
                        Nama
                      </th>
                      {COUNTS.map((c) => (
                        <th key={c} scope="col">
                          {c}
                        </th>
                      ))}
                      <th scope="col" title="Terlambat 1–30 / 31–60 / 61–90 / 91+ menit">
                        TL1/2/3/4
                      </th>
                      <th scope="col">Menit</th>
                      <th scope="col" title="Presensi yang tersimpan di ponsel tanpa jaringan dan terkirim kemudian">
                        Luring
                      </th>
                      <th scope="col">Potongan</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.asn.map((a) => (
                      <tr key={a.nip} data-testid={`tpp-${a.nip}`}>
                        <th scope="row" class="sticky">
                          {a.nama}
                          <span class="asn-meta">{formatNip(a.nip)}</span>
                        </th>
                        {COUNTS.map((c) => (
                          <td key={c} class={a.jumlah[c] > 0 && (c === 'TK' || c === 'TL') ? `kode-${c}` : undefined}>
                            {angka(a.jumlah[c])}
                          </td>
                        ))}
                        <td>{`${angka(a.tl.TL1)}/${angka(a.tl.TL2)}/${angka(a.tl.TL3)}/${angka(a.tl.TL4)}`}</td>
                        <td>{angka(a.menitTerlambat)}</td>
                        <td>{angka(a.luring)}</td>
                        <td data-testid="tpp-potongan">{angka(a.potongan, 2)} %</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      )}
    </>
  );
}

function TppRules({ data }: { data: TppMonth }) {
  const r = data.aturan;
  const [b1, b2, b3] = r.tlBatasMenit;
  return (
    <details class="tpp-rules">
      <summary>Aturan potongan</summary>
      <p class="muted">
        TK (tidak hadir apel tanpa keterangan) {angka(r.persenTk, 2)} % per apel; terlambat TL1 1–{b1} menit {angka(r.persenTl[0], 2)} %, TL2 {b1 + 1}–{b2} menit{' '}
        {angka(r.persenTl[1], 2)} %, TL3 {b2 + 1}–{b3} menit {angka(r.persenTl[2], 2)} %, TL4 lebih dari {b3} menit {angka(r.persenTl[3], 2)} %; paling banyak{' '}
        {angka(r.batasBulananPersen, 2)} % sebulan. I, S, C, DL, TB dan DB tidak dipotong. Peraturan Bupati menentukan angkanya (konfigurasi <code>tpp</code>).
      </p>
    </details>
  );
}
