import { useEffect, useState } from 'preact/hooks';
import type { SurveyReport, SurveyStats } from '../../../../contract';
import { angka } from '../../lib/number';
import { shortDate } from '../../lib/time';
import { addDays } from './roll';
import { getSurveyReport, messageOf } from './api';
import type { TabProps } from './tabs';

const GRADE: Record<string, string> = { A: 'Sangat baik', B: 'Baik', C: 'Kurang baik', D: 'Tidak baik' };
const LABELS: Record<string, string> = {
  persyaratan: 'Persyaratan',
  prosedur: 'Sistem, mekanisme, dan prosedur',
  waktu: 'Waktu penyelesaian',
  biaya: 'Biaya/tarif',
  produk: 'Produk spesifikasi jenis pelayanan',
  kompetensi: 'Kompetensi pelaksana',
  perilaku: 'Perilaku pelaksana',
  pengaduan: 'Penanganan pengaduan, saran dan masukan',
  sarana: 'Sarana dan prasarana',
};

/**
 * The OPD's Survei Kepuasan Masyarakat of the last 90 days: IKM and grade, on WFA days beside
 * office days, each element's mean, the comments (shown as text: Preact escapes them), and the
 * printable QR poster that brings citizens to the survey.
 */
export function SurveyTab({ token, opd, today }: TabProps) {
  const dari = addDays(today, -89);
  const [data, setData] = useState<SurveyReport>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    getSurveyReport(token, opd, dari, today).then(setData, (e) => setError(messageOf(e)));
  }, [token, opd, today]);

  const result = data?.hasil.opd[0];
  return (
    <>
      <section class="card" aria-labelledby="skm-title">
        <h2 id="skm-title">Survei Kepuasan Masyarakat</h2>
        <p class="muted">
          Warga menilai pelayanan OPD ini lewat kode QR pada poster di tempat pelayanan: 9 unsur PermenPAN-RB 14/2017, nilai 1–4, tanpa nama.
        </p>
        <div class="actions">
          <a class="btn-secondary" href={`/survei/${encodeURIComponent(opd)}/poster`} target="_blank" rel="noopener" data-testid="skm-poster">
            Cetak poster QR (A4)
          </a>
          <a class="btn-link" href={`/survei/${encodeURIComponent(opd)}`} target="_blank" rel="noopener">
            Buka halaman survei
          </a>
        </div>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </section>
      {data && result && (
        <section class="card" aria-labelledby="skm-hasil-title" data-testid="skm-hasil">
          <h2 id="skm-hasil-title">90 hari terakhir</h2>
          <p class="muted">
            {shortDate(data.hasil.dari)} – {shortDate(data.hasil.sampai)}
          </p>
          {data.hasil.contoh && (
            <p class="note" data-testid="skm-contoh">
              DATA CONTOH: jawaban ini dibuat oleh npm start untuk dicoba, bukan oleh warga.
            </p>
          )}
          <div>
            <table class="grid-table">
              <thead>
                <tr>
                  <th scope="col">Hari</th>
                  <th scope="col" title="Jumlah jawaban">Jml.</th>
                  <th scope="col">IKM · mutu</th>
                </tr>
              </thead>
              <tbody>
                <StatsRow label="Semua hari" s={result.semua} />
                <StatsRow label="Hari WFA" s={result.hariWfa} />
                <StatsRow label="Hari kantor" s={result.hariKantor} />
              </tbody>
            </table>
          </div>
          <p class="muted">
            {[result.semua, result.hariWfa, result.hariKantor].some((x) => x.jawaban > 0 && !x.cukup) && (
              <>
                <strong>* Terlalu sedikit untuk disimpulkan</strong> (di bawah {data.hasil.minimumJawaban} jawaban).{' '}
              </>
            )}
            Hari WFA dibanding hari kantor adalah perbandingan, bukan bukti sebab.
          </p>
          <h3>Nilai rata-rata per unsur (1–4)</h3>
          <table class="grid-table">
            <tbody>
              {result.semua.unsur.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{LABELS[u.id] ?? u.id}</th>
                  <td>{u.nrr === null ? '–' : angka(u.nrr, 2, true)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {data && (
        <section class="card" aria-labelledby="skm-komentar-title" data-testid="skm-komentar-daftar">
          <h2 id="skm-komentar-title">Saran dan masukan ({angka(data.komentar.length)})</h2>
          {data.komentar.length === 0 ? (
            <p class="muted">Belum ada.</p>
          ) : (
            <ul class="skm-comments">
              {data.komentar.map((k) => (
                <li key={k.at}>
                  <span class="muted">{shortDate(k.date)}:</span> {k.komentar}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

function StatsRow({ label, s }: { label: string; s: SurveyStats }) {
  const few = s.jawaban > 0 && !s.cukup;
  return (
    <tr data-cukup={String(s.cukup)}>
      <th scope="row">{label}</th>
      <td>
        {angka(s.jawaban)}
        {few && <abbr title="terlalu sedikit untuk disimpulkan">*</abbr>}
      </td>
      <td>
        {s.ikm === null || !s.mutu ? (
          '–'
        ) : (
          <>
            {angka(s.ikm, 2, true)} · <strong>{s.mutu}</strong>
            <span class="asn-meta">{GRADE[s.mutu]}</span>
          </>
        )}
      </td>
    </tr>
  );
}
