import { useEffect, useState } from 'preact/hooks';
import { Countdown } from '../../components/Countdown';
import type { ReadinessCheck, ReadinessCheckWithAnswers } from '../../../../contract';
import { clockTime, dateIn, hourMinute, shortDate } from '../../lib/time';
import { useServerNow } from '../../lib/useServerNow';
import { listReadinessChecks, messageOf, startReadinessCheck } from './api';
import type { TabProps } from './tabs';
import { Form } from '../../components/Form';
import { angka } from '../../lib/number';

/** How often the answers of a running check are fetched again while this tab is open. */
const POLL_MS = 10_000;

/** Readiness checks (cek kesiapan): start one, see who answered and when, who has not. */
export function ReadinessTab(props: TabProps & { clockOffset: number }) {
  const { token, opd } = props;
  const now = useServerNow(props.clockOffset);
  const [list, setList] = useState<ReadinessCheckWithAnswers[]>();
  const [error, setError] = useState<string>();
  const [nonce, setNonce] = useState(0);
  // Why a check cannot start now (told before "Mulai" is pressed), from the server.
  const [blocked, setBlocked] = useState<string | null>(null);
  const running = list?.find((c) => Date.parse(c.batas) > now);

  useEffect(() => {
    let stopped = false;
    listReadinessChecks(token, opd).then(
      (l) => {
        if (stopped) return;
        setList(l.cek);
        setBlocked(l.tidakBisaMulai);
        setError(undefined);
      },
      (e) => !stopped && setError(messageOf(e)),
    );
    return () => {
      stopped = true;
    };
  }, [token, opd, nonce]);

  // While a check runs, its answers come in: ask again every few seconds (only while visible).
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => document.visibilityState === 'visible' && setNonce((n) => n + 1), POLL_MS);
    return () => clearInterval(id);
  }, [running?.id]);

  return (
    <>
      {running ? (
        <CheckCard cek={running} now={now} {...props} open />
      ) : (
        <StartForm
          {...props}
          blocked={blocked}
          // Shown at once as running; the reload then brings who is expected to answer.
          onStarted={(cek) => setList((l) => [{ ...cek, berjalan: true, jawaban: [], belum: [] }, ...(l ?? [])])}
          reload={() => setNonce((n) => n + 1)}
        />
      )}
      <section class="card" aria-labelledby="cek-list-title" data-testid="cek-list">
        <h2 id="cek-list-title">Riwayat cek kesiapan</h2>
        <p class="muted">Hari ini dan 7 hari terakhir.</p>
        {error && <p class="error">{error}</p>}
        {!list && !error && <p class="muted">Memuat…</p>}
        {list?.filter((c) => c !== running).length === 0 && <p class="muted">Belum ada cek kesiapan lain.</p>}
        {list
          ?.filter((c) => c !== running)
          .map((c) => (
            <CheckCard key={c.id} cek={c} now={now} {...props} open={false} />
          ))}
      </section>
    </>
  );
}

function StartForm({ token, opd, onStarted, reload, blocked }: TabProps & { onStarted: (c: ReadinessCheck) => void; reload: () => void; blocked: string | null }) {
  const [menit, setMenit] = useState('15');
  const [pesan, setPesan] = useState('Mohon konfirmasi siap bekerja.');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (e: Event) => {
    e.preventDefault();
    const m = Number(menit);
    if (!Number.isInteger(m) || m < 5 || m > 120) return setError('Batas waktu 5 sampai 120 menit.');
    setBusy(true);
    setError(undefined);
    try {
      onStarted(await startReadinessCheck(token, opd, m, pesan.trim()));
      reload();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="cek-form-title">
      <h2 id="cek-form-title">Mulai cek kesiapan</h2>
      <p class="muted">Staf OPD melihatnya di halaman presensi mereka dan menekan "Saya siap" sebelum waktunya habis.</p>
      <Form class="form" onSubmit={(e) => void submit(e)} data-testid="cek-form">
        <label>
          Pesan
          <input type="text" maxLength={200} value={pesan} required onInput={(e) => setPesan(e.currentTarget.value)} data-testid="cek-pesan" />
        </label>
        <label class="short">
          Waktu menjawab (menit)
          <input type="number" inputMode="numeric" min={5} max={120} value={menit} required onInput={(e) => setMenit(e.currentTarget.value)} data-testid="cek-menit" />
        </label>
        {blocked && (
          <p class="notice" role="note" data-testid="cek-tidak-bisa">
            {blocked}
          </p>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="btn-primary" disabled={busy || !!blocked} data-testid="cek-mulai">
          {busy ? 'Memulai…' : 'Mulai cek kesiapan'}
        </button>
      </Form>
    </section>
  );
}

function CheckCard({ cek, now, timeZone, zoneLabel, open }: TabProps & { cek: ReadinessCheckWithAnswers; now: number; open: boolean }) {
  const total = cek.jawaban.length + cek.belum.length;
  const hm = (iso: string) => hourMinute(iso, timeZone);
  const running = Date.parse(cek.batas) > now;
  const summary = (
    <>
      <span class="cek-when">
        {shortDate(dateIn(Date.parse(cek.mulai), timeZone))} {hm(cek.mulai)}–{hm(cek.batas)} {zoneLabel}
      </span>
      <span class="cek-score">
        <strong>{angka(cek.jawaban.length)}</strong> dari {angka(total)} siap
      </span>
    </>
  );
  const detail = (
    <div class="cek-detail">
      <div data-testid="cek-jawaban">
        <h3>Sudah menjawab ({angka(cek.jawaban.length)})</h3>
        {cek.jawaban.length === 0 ? (
          <p class="muted">Belum ada.</p>
        ) : (
          <ul class="plain">
            {cek.jawaban.map((j) => (
              <li key={j.nip}>
                {j.nama} <span class="muted">{clockTime(j.at, timeZone)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div data-testid="cek-belum">
        <h3>Belum menjawab ({angka(cek.belum.length)})</h3>
        {cek.belum.length === 0 ? (
          <p class="muted">Semua sudah menjawab.</p>
        ) : (
          <ul class="plain">
            {cek.belum.map((b) => (
              <li key={b.nip}>{b.nama}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );

  if (open) {
    return (
      <section class="card cek-running" aria-labelledby="cek-running-title" data-testid="cek-running">
        <h2 id="cek-running-title">Cek kesiapan berjalan</h2>
        <p class="kesiapan-pesan">{cek.pesan}</p>
        <p class="cek-summary">{summary}</p>
        {running && <Countdown left={Date.parse(cek.batas) - now} label="Berakhir dalam" over="Waktu menjawab sudah habis." />}
        {detail}
      </section>
    );
  }
  return (
    <details class="cek" data-testid={`cek-${cek.id}`}>
      <summary>
        <span class="cek-pesan">{cek.pesan}</span> {summary}
      </summary>
      {detail}
    </details>
  );
}
