import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SurveyForm } from '../../../../contract';
import { qrDataUrl } from '../Admin/Links/qr';
import { getSurveyForm, messageOf } from './api';

/**
 * The A4 poster a head or the admin prints and hangs at the service desk: the OPD's name, a
 * large QR code of its survey page and the same address in letters (for a phone without a
 * QR reader). `Cetak` prints just the poster (print CSS hides the rest).
 */
export function Poster({ opd }: { opd: string }) {
  const [form, setForm] = useState<SurveyForm>();
  const [error, setError] = useState<string>();
  const url = `${location.origin}/survei/${encodeURIComponent(opd)}`;
  const qr = useMemo(() => qrDataUrl(url), [url]);

  useEffect(() => {
    getSurveyForm(opd).then(setForm, (e) => setError(messageOf(e)));
  }, [opd]);
  useEffect(() => {
    if (form) document.title = `Poster survei · ${form.opd.nama}`;
  }, [form]);

  if (error) return <main class="page"><p class="error" role="alert">{error}</p></main>;
  if (!form) return <main class="page"><p class="card muted" role="status">Memuat…</p></main>;

  return (
    <>
      <div class="skm-poster-bar no-print">
        <p>Poster A4 untuk dicetak dan ditempel di tempat pelayanan.</p>
        <button type="button" class="btn-secondary" onClick={() => print()} data-testid="poster-cetak">
          Cetak
        </button>
      </div>
      <article class="skm-poster" data-testid="poster">
        <p class="skm-poster-regency">{form.regency}</p>
        <h1 class="skm-poster-title">Bagaimana pelayanan kami hari ini?</h1>
        <p class="skm-poster-opd" data-testid="poster-opd">{form.opd.nama}</p>
        <img class="skm-poster-qr" src={qr} alt={`Kode QR menuju ${url}`} data-testid="poster-qr" />
        <ol class="skm-poster-steps">
          <li>Buka kamera ponsel dan arahkan ke kode QR.</li>
          <li>Jawab 9 pertanyaan singkat: cukup satu sentuhan tiap pertanyaan.</li>
          <li>Tanpa nama, tanpa nomor HP, tanpa aplikasi. Sekitar 1 menit.</li>
        </ol>
        <p class="skm-poster-url">
          Atau buka: <span data-testid="poster-url">{url}</span>
        </p>
        <p class="skm-poster-foot">Survei Kepuasan Masyarakat sesuai Peraturan Menteri PAN-RB Nomor 14 Tahun 2017. Terima kasih atas penilaian Anda.</p>
      </article>
    </>
  );
}
