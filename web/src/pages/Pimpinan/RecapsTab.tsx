import { useEffect, useState } from 'preact/hooks';
import type { Counts, OpdRecaps } from '../../../../contract';
import { saveFile } from '../../lib/download';
import { formatNip } from '../../lib/nip';
import { shortDate } from '../../lib/time';
import { getRecaps, getRecapsCsv, messageOf } from './api';
import { addDays, CODE_LABEL, CODES, daySpan, mondayOf } from './roll';
import type { TabProps } from './tabs';
import { DateField } from '../../components/DateField';
import { angka } from '../../lib/number';

/** The server accepts at most this many days per recap. */
const MAX_DAYS = 92;

const SLOT: Record<string, string> = { pagi: 'Pagi', sore: 'Sore', demo: 'Percobaan' };

/** Recaps and history: per sesi and per ASN over a date range, and the same as a CSV file. */
export function RecapsTab(props: TabProps & { onSesi: (id: string) => void }) {
  const { token, opd, today } = props;
  const [dari, setDari] = useState(mondayOf(addDays(today, -7)));
  const [sampai, setSampai] = useState(today);
  const [rekap, setRekap] = useState<OpdRecaps>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const problem = !dari || !sampai ? 'Isi kedua tanggal sebagai hari/bulan/tahun, mis. 30/11/2026.' : sampai < dari ? 'Tanggal akhir tidak boleh sebelum tanggal awal.' : daySpan(dari, sampai) > MAX_DAYS ? `Paling banyak ${MAX_DAYS} hari sekali tampil.` : undefined;

  const show = async () => {
    if (problem) return setError(problem);
    setBusy(true);
    setError(undefined);
    try {
      setRekap(await getRecaps(token, opd, dari, sampai));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    if (problem) return setError(problem);
    setError(undefined);
    try {
      const { blob, filename } = await getRecapsCsv(token, opd, dari, sampai);
      saveFile(filename, blob);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  useEffect(() => void show(), [token, opd]);

  return (
    <>
      <section class="card" aria-labelledby="rekap-title">
        <h2 id="rekap-title">Rekap dan riwayat</h2>
        <p class="muted">Hanya apel yang sudah ditutup. Paling banyak {MAX_DAYS} hari.</p>
        <form
          class="form rekap-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void show();
          }}
        >
          <div class="form-row">
            <label>
              Dari
              <DateField value={dari} max={today} onChange={setDari} testId="rekap-dari" />
            </label>
            <label>
              Sampai
              <DateField value={sampai} onChange={setSampai} testId="rekap-sampai" />
            </label>
          </div>
          <div class="actions">
            <button type="submit" class="btn-primary" disabled={busy} data-testid="rekap-tampil">
              {busy ? 'Memuat…' : 'Tampilkan'}
            </button>
            <button type="button" class="btn-secondary" onClick={() => void download()} data-testid="rekap-csv">
              Unduh CSV
            </button>
          </div>
        </form>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </section>
      {rekap && <RecapTables rekap={rekap} onSesi={props.onSesi} />}
    </>
  );
}

function RecapTables({ rekap, onSesi }: { rekap: OpdRecaps; onSesi: (id: string) => void }) {
  if (rekap.sesi.length === 0) {
    return (
      <section class="card" data-testid="rekap-kosong">
        <p class="muted">
          Belum ada apel yang ditutup antara {shortDate(rekap.dari)} dan {shortDate(rekap.sampai)}.
        </p>
      </section>
    );
  }
  const sum = (c: Counts, keys: (keyof Counts)[]) => keys.reduce((n, k) => n + c[k], 0);
  return (
    <>
      <section class="card" aria-labelledby="rekap-sesi-title" data-testid="rekap-sesi">
        <h2 id="rekap-sesi-title">Per apel</h2>
        <p class="scroll-hint muted" aria-hidden="true">
          Geser tabel ke samping untuk melihat semua kolom →
        </p>
        <div class="scroll" tabIndex={0}>
          <table class="grid-table">
            <thead>
              <tr>
                <th scope="col">Apel</th>
                <th scope="col" title="Diharapkan hadir">
                  ASN
                </th>
                <th scope="col" title={CODE_LABEL.H}>
                  H
                </th>
                <th scope="col" title={CODE_LABEL.TL}>
                  TL
                </th>
                <th scope="col" title="Izin, sakit, cuti, dinas luar, tugas belajar">
                  I/S/C/DL/TB
                </th>
                <th scope="col" title={CODE_LABEL.DB}>
                  DB
                </th>
                <th scope="col" title={CODE_LABEL.TK}>
                  TK
                </th>
                <th scope="col">
                  <span class="sr-only">Daftar</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rekap.sesi.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {shortDate(s.date)} · {s.label}
                    {s.gangguan && <span class="muted"> ({s.gangguan.keterangan})</span>}
                  </th>
                  <td>{angka(s.counts.expected)}</td>
                  <td class="kode-H">{angka(s.counts.hadir)}</td>
                  <td class="kode-TL">{angka(s.counts.terlambat)}</td>
                  <td>{angka(sum(s.counts, ['izin', 'sakit', 'cuti', 'dinas_luar', 'tugas_belajar']))}</td>
                  <td>{angka(s.counts.dibebaskan)}</td>
                  <td class={s.counts.tidakHadir > 0 ? 'kode-TK' : undefined}>{angka(s.counts.tidakHadir)}</td>
                  <td>
                    <button type="button" class="btn-link" onClick={() => onSesi(s.id)}>
                      Lihat daftar
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="card" aria-labelledby="rekap-asn-title" data-testid="rekap-asn">
        <h2 id="rekap-asn-title">Per ASN</h2>
        <p class="muted legend">{CODES.map((k) => `${k} ${CODE_LABEL[k].toLowerCase()}`).join(' · ')}</p>
        <p class="scroll-hint muted" aria-hidden="true">
          Geser tabel ke samping untuk melihat semua kolom →
        </p>
        <div class="scroll" tabIndex={0}>
          <table class="grid-table codes">
            <thead>
              <tr>
                <th scope="col" class="sticky">
                  Nama
                </th>
                {rekap.sesi.map((s) => (
                  <th key={s.id} scope="col" class="code-col">
                    {shortDate(s.date)}
                    <br />
                    {SLOT[s.slot] ?? s.label}
                  </th>
                ))}
                {CODES.map((k) => (
                  <th key={k} scope="col" class="total" title={CODE_LABEL[k]}>
                    {k}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rekap.asn.map((a) => (
                <tr key={a.nip}>
                  <th scope="row" class="sticky">
                    {a.nama}
                    <span class="asn-meta">{formatNip(a.nip)}</span>
                  </th>
                  {rekap.sesi.map((s) => {
                    const k = a.kode[s.id];
                    const alasan = a.alasan?.[s.id];
                    return (
                      <td key={s.id} class={k ? `kode-${k}` : undefined} title={alasan ? `Alasan terlambat: ${alasan}` : undefined}>
                        {k ?? '–'}
                        {alasan && <sup aria-hidden="true">*</sup>}
                      </td>
                    );
                  })}
                  {CODES.map((k) => (
                    <td key={k} class="total">
                      {angka(a.jumlah[k] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <LateReasons rekap={rekap} />
      </section>
    </>
  );
}

/** The reasons late ASN gave (marked * in the table), by sesi: readable on a phone without scrolling the table. */
function LateReasons({ rekap }: { rekap: OpdRecaps }) {
  const reasons = rekap.sesi.flatMap((s) => rekap.asn.flatMap((a) => (a.alasan?.[s.id] ? [{ s, a, alasan: a.alasan[s.id] }] : [])));
  if (reasons.length === 0) return null;
  return (
    <div data-testid="rekap-alasan">
      <h3>Alasan terlambat (*)</h3>
      <ul>
        {reasons.map(({ s, a, alasan }) => (
          <li key={`${s.id}-${a.nip}`}>
            <strong>{a.nama}</strong> · {shortDate(s.date)} {SLOT[s.slot] ?? s.label}: {alasan}
          </li>
        ))}
      </ul>
    </div>
  );
}
