import { useEffect, useState } from 'preact/hooks';
import type { Code, LateReasonSaved, Me, MyHistory } from '../../../../contract';
import { formatPhone } from '../../../../functions/core/phone';
import { request } from '../../lib/api';
import { shortDate } from '../../lib/time';
import { stylesheet } from '../../lib/stylesheet';
import badgeCss from '../../components/badge.css?url';
import extrasCss from './extras.css?url';

export { NextSesi } from './NextSesi';
// This week and the excuses: not needed to check in, so they come with this chunk (the check-in page's budget, issue 15).
export { Excuses } from './Excuses';
export { WeekList } from './WeekList';
export { ReadinessCard } from './ReadinessCard';
export { Reminders } from './Reminders';

/**
 * This chunk's styles (the week, the next apel, the badges), kept out of the check-in page's
 * stylesheet; loaded as the chunk arrives, and waited for by whoever imports it (index.tsx
 * `useExtras`), so nothing shows unstyled. Asked for at import (not on first use) to be in flight
 * beside the chunk's own modules.
 */
export const styled: Promise<unknown> = Promise.all([stylesheet(badgeCss), stylesheet(extrasCss)]);

/**
 * The parts of the ASN's page that are not needed to check in, downloaded only when the ASN
 * opens them (index.tsx `More`): the history of past months and help; and the readiness card,
 * fetched only while a readiness check of their OPD is running.
 */

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const CODES: Array<[Code, string]> = [
  ['H', 'Hadir tepat waktu'],
  ['TL', 'Terlambat'],
  ['TK', 'Tidak hadir tanpa keterangan'],
  ['I', 'Izin'],
  ['S', 'Sakit'],
  ['C', 'Cuti'],
  ['DL', 'Dinas luar'],
  ['TB', 'Tugas belajar'],
  ['DB', 'Dibebaskan (gangguan yang dinyatakan admin)'],
];

const shift = (bulan: string, by: number) => {
  const d = new Date(`${bulan}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + by);
  return d.toISOString().slice(0, 7);
};
const monthName = (bulan: string) => `${MONTHS[Number(bulan.slice(5, 7)) - 1]} ${bulan.slice(0, 4)}`;

/** Past months: each closed apel with its code and minutes late, totals per code (GET /api/me/riwayat). */
export function History({ token, today }: { token: string; today: string }) {
  const current = today.slice(0, 7);
  const [bulan, setBulan] = useState(current);
  const [data, setData] = useState<MyHistory | string>();
  useEffect(() => {
    setData(undefined);
    request<MyHistory>('GET', `/me/riwayat?bulan=${bulan}`, token).then(
      (r) => setData(r.body),
      (e: Error) => setData(e.message),
    );
  }, [bulan]);
  return (
    <section class="card week" aria-labelledby="riwayat-title" data-testid="riwayat">
      <h2 id="riwayat-title">Riwayat presensi</h2>
      {/* Styles set through the DOM (allowed by the CSP), so the check-in page's stylesheet does not grow. */}
      <p style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px' }}>
        <button type="button" class="btn-secondary" aria-label="Bulan sebelumnya" onClick={() => setBulan(shift(bulan, -1))} data-testid="bulan-sebelum">
          ‹
        </button>
        <strong data-testid="bulan">{monthName(bulan)}</strong>
        <button type="button" class="btn-secondary" aria-label="Bulan berikutnya" disabled={bulan >= current} onClick={() => setBulan(shift(bulan, 1))}>
          ›
        </button>
      </p>
      {data === undefined ? (
        <p class="muted" role="status">
          Memuat…
        </p>
      ) : typeof data === 'string' ? (
        <p class="error" role="alert">
          {data}
        </p>
      ) : data.apel.length === 0 ? (
        <p class="muted">Tidak ada apel yang sudah ditutup pada bulan ini.</p>
      ) : (
        <>
          <p data-testid="riwayat-jumlah">
            {CODES.filter(([c]) => data.jumlah[c] > 0)
              .map(([c]) => `${c} ${data.jumlah[c]}`)
              .join(' · ')}
            {data.menitTerlambat > 0 && ` · terlambat ${data.menitTerlambat} menit`}
          </p>
          <ul class="week-days">
            {data.apel.map((a) => (
              <li key={a.sesiId} class="week-row" data-testid={`riwayat-${a.sesiId}`}>
                <span class="week-what">
                  {shortDate(a.date)} · {a.label}
                  {a.menitTerlambat !== null && <span class="muted"> · {a.menitTerlambat} menit</span>}
                </span>
                <span class={`badge badge-${a.kode === 'H' ? 'hadir' : a.kode === 'TL' ? 'terlambat' : a.kode === 'TK' ? 'absen' : 'jadwal'}`}>{a.kode}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * After a late check-in, while the apel is open: a short reason for the head (at most 200
 * characters; PUT /api/me/alasan/{sesiId}), shown in their roll and recap. Sent again, it
 * replaces the earlier one.
 */
export function LateReason({ token, sesiId, sent }: { token: string; sesiId: string; sent: string | null }) {
  const [saved, setSaved] = useState(sent);
  const [text, setText] = useState('');
  const [editing, setEditing] = useState(sent === null);
  const [state, setState] = useState<'mengirim' | string>();
  const submit = async () => {
    const alasan = text.trim();
    if (alasan.length < 3) return setState('Tulis alasan singkat, paling sedikit 3 karakter.');
    setState('mengirim');
    try {
      const r = await request<LateReasonSaved>('PUT', `/me/alasan/${encodeURIComponent(sesiId)}`, token, { alasan });
      setSaved(r.body.alasanTerlambat);
      setEditing(false);
      setState(undefined);
    } catch (e) {
      setState((e as Error).message);
    }
  };
  return (
    <section class="card" aria-labelledby="alasan-title" data-testid="alasan-terlambat">
      <h2 id="alasan-title">Alasan terlambat</h2>
      {saved !== null && !editing ? (
        <>
          <p data-testid="alasan-terkirim">
            <span class="muted">Terkirim kepada pimpinan:</span> {saved}
          </p>
          <p>
            <button type="button" class="btn-secondary" onClick={() => (setText(saved), setEditing(true))}>
              Ubah alasan
            </button>
          </p>
        </>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p class="muted">Boleh dikosongkan. Pimpinan melihatnya di daftar hadir dan rekap; bisa dikirim selama apel masih dibuka.</p>
          <div class="field">
            <label for="alasan">
              Alasan singkat <span class="muted">(paling banyak 200 karakter)</span>
            </label>
            <textarea id="alasan" rows={2} maxLength={200} value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="alasan" />
          </div>
          <p>
            <button type="submit" class="btn-secondary" disabled={state === 'mengirim'} data-testid="kirim-alasan">
              {state === 'mengirim' ? 'Mengirim…' : 'Kirim alasan'}
            </button>
          </p>
          {state && state !== 'mengirim' && (
            <p class="error" role="alert">
              {state}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

/** What to do when late or absent, whom to contact, what the codes mean. */
export function Help({ me }: { me: Me }) {
  const b = me.bantuan;
  return (
    <section class="card" aria-labelledby="bantuan-title" data-testid="bantuan">
      <h2 id="bantuan-title">Bantuan</h2>
      <h3>Terlambat</h3>
      <p>Tetap tekan tombol hadir selama apel masih dibuka: kehadiran tercatat terlambat (TL). Sesudah itu Anda dapat mengirim alasan singkat kepada pimpinan, selama apel masih dibuka. Sesudah apel ditutup, presensi tidak dapat diisi lagi.</p>
      <h3>Tidak dapat mengikuti apel</h3>
      <p>Sampaikan kepada pimpinan OPD Anda. Pimpinan mencatat izin, sakit, cuti, dinas luar atau tugas belajar, juga sesudah apel: kode TK lalu berganti.</p>
      <h3>Kendala tautan atau aplikasi</h3>
      {b ? (
        <p data-testid="bantuan-kontak">
          Hubungi {b.nama} lewat WhatsApp{' '}
          <a href={`https://wa.me/${b.whatsapp}`} target="_blank" rel="noopener noreferrer">
            {formatPhone(b.whatsapp)}
          </a>{' '}
          ({b.jam}).
        </p>
      ) : (
        <p data-testid="bantuan-kontak">Hubungi admin kepegawaian (BKPSDM) kabupaten Anda.</p>
      )}
      <h3>Arti kode</h3>
      <dl>
        {CODES.map(([c, what]) => (
          <div key={c} style={{ display: 'flex', gap: '8px' }}>
            <dt style={{ fontWeight: 700, minWidth: '2.5em' }}>{c}</dt>
            <dd style={{ margin: 0 }}>{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
