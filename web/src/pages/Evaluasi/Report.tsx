import type { EvaluationFigures, EvaluationIndicators, EvaluationKecamatan } from '../../../../contract';
import type { Evaluation } from './api';
import { BarChart, COLORS, Figure, TrendChart } from './Chart';
import { count, dateShort, delta, minutes, NONE, pct, periodText, seconds } from './format';
import { angka } from '../../lib/number';
import { METHODS } from './methods';
import { OfficeUpload } from './OfficeUpload';
import { SurveySection } from './SurveySection';

type Row = { label: string; f: EvaluationFigures; color?: string };

/** The evaluation as one report: the same markup on screen and on paper (print CSS, A4). */
export function Report({ data, token, isAdmin, onUploaded }: { data: Evaluation; token: string | undefined; isAdmin: boolean; onUploaded: () => void }) {
  const regency = data.cakupan === 'kabupaten';
  const main = regency ? data.kelompok.semua : (data.opd[0] ?? data.kelompok.semua);
  const scopeName = regency ? 'Semua OPD' : (data.opd[0]?.nama ?? '');
  const groups: Row[] = regency
    ? [
        { label: `OPD WFA (${data.kelompok.wfa.opd})`, f: data.kelompok.wfa, color: COLORS.wfa },
        { label: `OPD dikecualikan, pembanding (${data.kelompok.dikecualikan.opd})`, f: data.kelompok.dikecualikan, color: COLORS.dikecualikan },
        { label: 'Semua OPD', f: data.kelompok.semua },
      ]
    : [{ label: scopeName, f: main }];
  const i = main.ini;
  const empty = i.sesi === 0;

  return (
    <article class="eval-report" data-testid="eval-report">
      <header class="card eval-head">
        <p class="eval-kicker">Laporan Evaluasi Pelaksanaan WFA</p>
        <h2 class="eval-h">{regency ? data.regency : `${scopeName} · ${data.regency}`}</h2>
        <p>
          Periode <strong>{periodText(data.periode)}</strong>, dibandingkan dengan periode sebelumnya yang sama panjang ({periodText(data.sebelumnya)}).
        </p>
        {data.demo && (
          <p class="eval-demo" role="note" data-testid="eval-demo">
            DATA CONTOH: angka di halaman ini berasal dari data contoh yang dibuat oleh <code>npm start</code>, bukan dari apel sungguhan.
          </p>
        )}
        {empty && <p class="muted">Belum ada apel yang ditutup pada periode ini.</p>}
      </header>

      <section class="card" aria-labelledby="eval-key">
        <h2 id="eval-key">Angka utama</h2>
        <div class="eval-tiles">
          <Tile label="Kehadiran apel" value={pct(i.kehadiran)} before={main.sebelum.kehadiran} now={i.kehadiran} />
          <Tile label="Tepat waktu (dari yang hadir)" value={pct(i.ketepatan)} before={main.sebelum.ketepatan} now={i.ketepatan} />
          <Tile label="Terlambat: median / p90" value={`${minutes(i.telatMedian)} / ${minutes(i.telatP90)}`} />
          <Tile label="Tanpa keterangan (TK)" value={pct(i.tk)} before={main.sebelum.tk} now={i.tk} lowerIsBetter />
          <Tile label="Rencana kerja pagi" value={pct(i.rencana)} before={main.sebelum.rencana} now={i.rencana} />
          <Tile label="Hasil kerja sore" value={pct(i.hasil)} before={main.sebelum.hasil} now={i.hasil} />
          <Tile label="Jawaban cek kesiapan" value={pct(i.cekJawab)} before={main.sebelum.cekJawab} now={i.cekJawab} />
          <Tile label="Durasi permintaan (median)" value={seconds(i.jaringanMedianMs)} />
        </div>
      </section>

      <section class="card" aria-labelledby="eval-disiplin">
        <h2 id="eval-disiplin">Disiplin</h2>
        {regency && (
          <p class="eval-note" data-testid="eval-caveat">
            OPD yang dikecualikan (layanan publik) mengikuti apel virtual yang sama tetapi bekerja dari kantor, sehingga menjadi kelompok
            pembanding. Ini <strong>perbandingan, bukan bukti sebab-akibat</strong>: perbedaan bisa juga berasal dari jenis pekerjaan, jumlah pegawai
            atau hal lain.
          </p>
        )}
        <div class="table-scroll">
          <table class="eval-table" data-testid="eval-disiplin-table">
            <thead>
              <tr>
                <th scope="col">Kelompok</th>
                <th scope="col">Kehadiran</th>
                <th scope="col">sebelumnya</th>
                <th scope="col">Tepat waktu</th>
                <th scope="col">sebelumnya</th>
                <th scope="col">Terlambat median</th>
                <th scope="col">p90</th>
                <th scope="col">TK</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.label}>
                  <th scope="row">{g.label}</th>
                  <td>{pct(g.f.ini.kehadiran)}</td>
                  <td class="muted">{pct(g.f.sebelum.kehadiran)}</td>
                  <td>{pct(g.f.ini.ketepatan)}</td>
                  <td class="muted">{pct(g.f.sebelum.ketepatan)}</td>
                  <td>{minutes(g.f.ini.telatMedian)}</td>
                  <td>{minutes(g.f.ini.telatP90)}</td>
                  <td>{pct(g.f.ini.tk)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>Kehadiran dan keterangan (jumlah orang × apel)</h3>
        <div class="table-scroll">
          <table class="eval-table eval-codes">
            <thead>
              <tr>
                <th scope="col">Kelompok</th>
                <th scope="col">Diharapkan</th>
                {(['H', 'TL', 'TK', 'I', 'S', 'C', 'DL', 'TB', 'DB'] as const).map((c) => (
                  <th scope="col" key={c} title={CODE_NAMES[c]}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.label}>
                  <th scope="row">{g.label}</th>
                  <td>{count(g.f.ini.expected)}</td>
                  {(['H', 'TL', 'TK', 'I', 'S', 'C', 'DL', 'TB', 'DB'] as const).map((c) => (
                    <td key={c}>{count(g.f.ini.kode[c])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="muted eval-small">H hadir tepat waktu · TL terlambat · TK tanpa keterangan · I izin · S sakit · C cuti · DL dinas luar · TB tugas belajar · DB dibebaskan (gangguan).</p>
        <Trend data={data} regency={regency} />
      </section>

      <section class="card" aria-labelledby="eval-kantor">
        <h2 id="eval-kantor">Hari WFA dan hari kantor</h2>
        <p>
          Apel virtual pada hari WFA di samping presensi kantor pada hari kerja di kantor (e-presensi kabupaten yang diunggah admin). Jam masuk
          sesudah menit jam masuk kantor dihitung terlambat.
        </p>
        <div class="table-scroll">
          <table class="eval-table" data-testid="eval-kantor-table">
            <thead>
              <tr>
                <th scope="col">Kelompok</th>
                <th scope="col">Kehadiran apel (hari WFA)</th>
                <th scope="col">Kehadiran kantor</th>
                <th scope="col">Tepat waktu apel</th>
                <th scope="col">Tepat waktu kantor</th>
                <th scope="col">Terlambat median apel / kantor</th>
                <th scope="col">Hari kantor</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.label}>
                  <th scope="row">{g.label}</th>
                  <td>{pct(g.f.ini.kehadiran)}</td>
                  <td>{pct(g.f.kantor.kehadiran)}</td>
                  <td>{pct(g.f.ini.ketepatan)}</td>
                  <td>{pct(g.f.kantor.ketepatan)}</td>
                  <td>
                    {minutes(g.f.ini.telatMedian)} / {minutes(g.f.kantor.telatMedian)}
                  </td>
                  <td>{count(g.f.kantor.hari)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {main.kantor.sesi === 0 && <p class="muted">Belum ada data e-presensi kantor untuk periode ini.</p>}
        {isAdmin && token && <OfficeUpload token={token} onDone={onUploaded} />}
      </section>

      <section class="card" aria-labelledby="eval-kinerja">
        <h2 id="eval-kinerja">Kinerja</h2>
        <div class="table-scroll">
          <table class="eval-table" data-testid="eval-kinerja-table">
            <thead>
              <tr>
                <th scope="col">Kelompok</th>
                <th scope="col">Pagi dengan rencana kerja</th>
                <th scope="col">Sore dengan hasil kerja</th>
                <th scope="col">Hasil dinilai</th>
                <th scope="col">Sesuai rencana</th>
                <th scope="col">Sebagian</th>
                <th scope="col">Tidak sesuai</th>
                <th scope="col">Cek kesiapan</th>
                <th scope="col">Dijawab</th>
                <th scope="col">Median menit menjawab</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.label}>
                  <th scope="row">{g.label}</th>
                  <td>{pct(g.f.ini.rencana)}</td>
                  <td>{pct(g.f.ini.hasil)}</td>
                  <td>{pct(g.f.ini.dinilai)}</td>
                  <td>{count(g.f.ini.nilai.sesuai)}</td>
                  <td>{count(g.f.ini.nilai.sebagian)}</td>
                  <td>{count(g.f.ini.nilai.tidak_sesuai)}</td>
                  <td>{count(g.f.ini.cekDiadakan)}</td>
                  <td>{pct(g.f.ini.cekJawab)}</td>
                  <td>{minutes(g.f.ini.cekMenitMedian)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="muted eval-small">Penilaian hasil kerja oleh pimpinan pada daftar apel sore (satu ketukan per ASN) bersifat pilihan.</p>
      </section>

      <section class="card" aria-labelledby="eval-infra">
        <h2 id="eval-infra">Kesiapan infrastruktur</h2>
        <p>Bagaimana setiap presensi sampai ke server, diukur oleh ponsel ASN sendiri saat apel: kesiapan jaringan daerah dari pemakaian nyata.</p>
        <div class="table-scroll">
          <table class="eval-table" data-testid="eval-infra-table">
            <thead>
              <tr>
                <th scope="col">Kelompok</th>
                <th scope="col">Presensi terukur</th>
                <th scope="col">Durasi permintaan median</th>
                <th scope="col">p90</th>
                <th scope="col">Perlu kirim ulang</th>
                <th scope="col">Ketukan luring dikirim kemudian</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.label}>
                  <th scope="row">{g.label}</th>
                  <td>{count(g.f.ini.jaringanDiukur)}</td>
                  <td>{seconds(g.f.ini.jaringanMedianMs)}</td>
                  <td>{seconds(g.f.ini.jaringanP90Ms)}</td>
                  <td>{pct(g.f.ini.denganUlang)}</td>
                  <td>{data.infrastruktur.luringTersedia ? count(g.f.ini.luring) : 'belum tersedia'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {!data.infrastruktur.luringTersedia && (
          <p class="eval-small muted">Ketukan luring (tanpa sinyal, dikirim kemudian) akan dihitung setelah fitur bukti kehadiran tersedia.</p>
        )}
        <PerKecamatan rows={data.infrastruktur.perKecamatan} />
      </section>

      {regency && <PerOpd data={data} />}

      <SurveySection survei={data.survei} regency={regency} />

      <section class="card eval-methods" aria-labelledby="eval-how">
        <h2 id="eval-how">Cara menghitung</h2>
        <dl>
          {METHODS.map(([term, how]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{how}</dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}

const CODE_NAMES = {
  H: 'Hadir tepat waktu',
  TL: 'Terlambat',
  TK: 'Tanpa keterangan',
  I: 'Izin',
  S: 'Sakit',
  C: 'Cuti',
  DL: 'Dinas luar',
  TB: 'Tugas belajar',
  DB: 'Dibebaskan (gangguan)',
} as const;

function Tile({ label, value, now, before, lowerIsBetter = false }: { label: string; value: string; now?: number | null; before?: number | null; lowerIsBetter?: boolean }) {
  const d = now !== undefined && before !== undefined ? delta(now, before) : '';
  const better = now != null && before != null && (lowerIsBetter ? now < before : now > before);
  return (
    <div class="eval-tile">
      <p class="eval-tile-label">{label}</p>
      <p class="eval-tile-value">{value}</p>
      {d && (
        <p class={`eval-tile-delta ${d === 'tetap' ? '' : better ? 'up' : 'down'}`}>
          {d} <span class="muted">dari periode sebelumnya</span>
        </p>
      )}
    </div>
  );
}

function Trend({ data, regency }: { data: Evaluation; regency: boolean }) {
  const weeks = data.mingguan;
  if (weeks.length === 0) return null;
  const labels = weeks.map((w) => dateShort(w.minggu));
  const lines = [
    { label: regency ? 'OPD WFA' : 'Apel', color: COLORS.wfa, values: weeks.map((w) => (regency ? w.wfa.kehadiran : (w.wfa.kehadiran ?? w.dikecualikan.kehadiran))) },
    ...(regency ? [{ label: 'OPD dikecualikan', color: COLORS.dikecualikan, values: weeks.map((w) => w.dikecualikan.kehadiran) }] : []),
    ...(weeks.some((w) => w.kantor.kehadiran !== null) ? [{ label: 'Hari kantor', color: COLORS.kantor, values: weeks.map((w) => w.kantor.kehadiran) }] : []),
  ];
  return (
    <Figure title="Kehadiran per minggu" caption="(minggu mulai Senin)" chart={<TrendChart labels={labels} lines={lines} />}>
      <Legend lines={lines} />
      <div class="table-scroll">
        <table class="eval-table eval-compact" data-testid="eval-trend-table">
          <thead>
            <tr>
              <th scope="col">Minggu</th>
              {lines.map((l) => (
                <th scope="col" key={l.label}>
                  {l.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((w, wi) => (
              <tr key={w.minggu}>
                <th scope="row">{dateShort(w.minggu)}</th>
                {lines.map((l) => (
                  <td key={l.label}>{pct(l.values[wi] ?? null)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Figure>
  );
}

function Legend({ lines }: { lines: { label: string; color: string }[] }) {
  return (
    <ul class="eval-legend" aria-hidden="true">
      {lines.map((l) => (
        <li key={l.label}>
          <span class="eval-swatch" style={{ background: l.color }} />
          {l.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * The network by the kecamatan where the ASN of WFA OPDs live (on a WFA day they check in from
 * home): bars of the median duration, slowest first, and the table beside them.
 */
function PerKecamatan({ rows }: { rows: EvaluationKecamatan[] }) {
  if (rows.length === 0) {
    return (
      <p class="muted eval-small" data-testid="eval-kecamatan-none">
        Per kecamatan belum dapat ditampilkan: daftar pegawai belum memuat kecamatan tempat tinggal ASN (kolom Kecamatan pada impor daftar pegawai).
      </p>
    );
  }
  const bars = rows.filter((r) => r.kecamatan !== null && r.ini.medianMs !== null).sort((a, b) => (b.ini.medianMs ?? 0) - (a.ini.medianMs ?? 0));
  return (
    <Figure
      wide
      title="Per kecamatan: durasi permintaan (median)"
      caption="(tempat tinggal ASN OPD WFA, tempat mereka bekerja pada hari WFA; paling lambat di kiri)"
      chart={<BarChart unit="detik" labels={bars.map((r) => r.kecamatan ?? '')} values={bars.map((r) => r.ini.medianMs)} colors={bars.map(() => COLORS.wfa)} labelSize={96} height={220} />}
    >
      <div class="table-scroll">
        <table class="eval-table eval-compact" data-testid="eval-kecamatan-table">
          <thead>
            <tr>
              <th scope="col">Kecamatan</th>
              <th scope="col">Median</th>
              <th scope="col">p90</th>
              <th scope="col">Kirim ulang</th>
              <th scope="col">Luring</th>
              <th scope="col">Presensi</th>
              <th scope="col">Median sebelumnya</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.kecamatan ?? '-'}>
                <th scope="row">{r.kecamatan ?? 'Belum diketahui'}</th>
                <td>{upTo(r.ini.medianMs)}</td>
                <td>{upTo(r.ini.p90Ms)}</td>
                <td>{pct(r.ini.denganUlang)}</td>
                <td>{count(r.ini.luring)}</td>
                <td>{count(r.ini.presensi)}</td>
                <td class="muted">{upTo(r.sebelum.medianMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted eval-small">
        Durasi per kecamatan dihitung dalam kelas (sampai 0,25 · 0,5 · 0,75 · 1 · 1,5 · 2 · 3 · 5 · 10 · 20 · 60 detik); yang tampil adalah batas atas
        kelasnya. Staf OPD yang dikecualikan presensi dari kantor, sehingga tidak dihitung per kecamatan.
      </p>
    </Figure>
  );
}

/** A duration class by its upper bound: `≤ 1,5 dtk`. */
const upTo = (ms: number | null) => (ms === null ? NONE : `≤ ${angka(ms / 1000, 2)} dtk`);

function PerOpd({ data }: { data: Evaluation }) {
  const rows = [...data.opd].filter((o) => o.ini.sesi > 0).sort((a, b) => (b.ini.kehadiran ?? -1) - (a.ini.kehadiran ?? -1));
  const all = [...data.opd].sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  return (
    <section class="card eval-per-opd" aria-labelledby="eval-opd">
      <h2 id="eval-opd">Per OPD</h2>
      {rows.length > 0 && (
        <Figure
          wide
          title="Kehadiran apel per OPD"
          caption="(biru: OPD WFA, jingga: OPD dikecualikan)"
          chart={<BarChart labels={rows.map((o) => o.opd)} values={rows.map((o) => o.ini.kehadiran)} colors={rows.map((o) => (o.wfa ? COLORS.wfa : COLORS.dikecualikan))} />}
        >
          <p class="muted eval-small">Diurutkan dari kehadiran tertinggi; label = kode OPD. Angkanya ada di tabel per OPD di bawah.</p>
        </Figure>
      )}
      <div class="table-scroll">
        <table class="eval-table eval-opd-table" data-testid="eval-opd-table">
          <thead>
            <tr>
              <th scope="col">OPD</th>
              <th scope="col">Status</th>
              <th scope="col">Kehadiran</th>
              <th scope="col">sebelumnya</th>
              <th scope="col">Tepat waktu</th>
              <th scope="col">Terlambat median</th>
              <th scope="col">TK</th>
              <th scope="col">Rencana</th>
              <th scope="col">Hasil</th>
              <th scope="col">Cek dijawab</th>
              <th scope="col">Durasi median</th>
              <th scope="col">Kantor</th>
            </tr>
          </thead>
          <tbody>
            {all.map((o) => (
              <tr key={o.opd}>
                <th scope="row">{o.nama}</th>
                <td>{o.wfa ? 'WFA' : 'Dikecualikan'}</td>
                <td>{pct(o.ini.kehadiran)}</td>
                <td class="muted">{pct(o.sebelum.kehadiran)}</td>
                <td>{pct(o.ini.ketepatan)}</td>
                <td>{minutes(o.ini.telatMedian)}</td>
                <td>{count(o.ini.kode.TK)}</td>
                <td>{pct(o.ini.rencana)}</td>
                <td>{pct(o.ini.hasil)}</td>
                <td>{pct(o.ini.cekJawab)}</td>
                <td>{seconds(o.ini.jaringanMedianMs)}</td>
                <td>{o.kantor.sesi > 0 ? pct(o.kantor.kehadiran) : NONE}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export type { EvaluationIndicators };
