import { useEffect, useState } from 'preact/hooks';
import type { MeetingLinks } from '../../../../contract';
import { getMeetingLinks, messageOf, putMeetingLinks } from './api';
import type { TabProps } from './tabs';
import { Form } from '../../components/Form';

const isHttps = (v: string) => {
  try {
    return new URL(v).protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * The OPD's own meeting links of apel pagi and sore (Zoom, Meet…); empty falls back to the
 * regency's. The form starts from the OPD's current setting; until it has loaded, the links in
 * force for the head's own OPD (from `/api/me`) are shown.
 */
export function MeetingLinksTab({ token, opd, current }: TabProps & { current: MeetingLinks | undefined }) {
  const [pagi, setPagi] = useState('');
  const [sore, setSore] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<MeetingLinks>();
  // The regency's links (config tautanApel): an empty OPD link falls back to these, if there are any.
  const [bawaan, setBawaan] = useState<MeetingLinks>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  // Saving before the current links are known could replace them with empty ones.
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let live = true;
    getMeetingLinks(token, opd)
      .then(({ tautanApel, bawaan }) => {
        if (!live) return;
        setSaved(tautanApel);
        setBawaan(bawaan);
        // Never overwrite what the head has started typing meanwhile.
        setPagi((typed) => typed || (tautanApel.pagi ?? ''));
        setSore((typed) => typed || (tautanApel.sore ?? ''));
        setLoaded(true);
      })
      .catch((err) => live && setMessage({ ok: false, text: messageOf(err) }));
    return () => {
      live = false;
    };
  }, [token, opd]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const value = { pagi: pagi.trim() || null, sore: sore.trim() || null };
    if ((value.pagi && !isHttps(value.pagi)) || (value.sore && !isHttps(value.sore))) {
      return setMessage({ ok: false, text: 'Tautan harus diawali https://' });
    }
    setBusy(true);
    setMessage(undefined);
    try {
      setSaved(await putMeetingLinks(token, opd, value));
      setMessage({ ok: true, text: 'Tautan apel tersimpan.' });
    } catch (err) {
      setMessage({ ok: false, text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="tautan-title" data-testid="tautan">
      <h2 id="tautan-title">Tautan apel OPD</h2>
      <p class="muted">
        Setelah presensi, ASN mendapat tombol "Gabung apel" ke tautan ini. Kosongkan untuk memakai tautan dari kabupaten.
      </p>
      {(saved ?? current) && (
        <dl class="tautan-now" data-testid="tautan-now">
          {saved ? (
            <>
              <dt>Pagi</dt>
              <dd data-testid="tautan-berlaku-pagi">{saved.pagi ?? <Fallback link={bawaan?.pagi} />}</dd>
              <dt>Sore</dt>
              <dd data-testid="tautan-berlaku-sore">{saved.sore ?? <Fallback link={bawaan?.sore} />}</dd>
            </>
          ) : (
            <>
              <dt>Berlaku sekarang, pagi</dt>
              <dd>{current?.pagi ?? <span class="muted">belum ada</span>}</dd>
              <dt>Berlaku sekarang, sore</dt>
              <dd>{current?.sore ?? <span class="muted">belum ada</span>}</dd>
            </>
          )}
        </dl>
      )}
      <Form class="form" onSubmit={(e) => void submit(e)}>
        <label>
          Apel pagi
          <input type="url" inputMode="url" placeholder="https://meet.google.com/…" value={pagi} onInput={(e) => setPagi(e.currentTarget.value)} data-testid="tautan-pagi" />
        </label>
        <label>
          Apel sore
          <input type="url" inputMode="url" placeholder="https://zoom.us/j/…" value={sore} onInput={(e) => setSore(e.currentTarget.value)} data-testid="tautan-sore" />
        </label>
        <div role="status" aria-live="polite">
          {message && <p class={message.ok ? 'ok' : 'error'}>{message.text}</p>}
        </div>
        <button type="submit" class="btn-primary" disabled={busy || !loaded} data-testid="tautan-simpan">
          {busy ? 'Menyimpan…' : 'Simpan tautan'}
        </button>
      </Form>
    </section>
  );
}

/** What staff get when the OPD set no link: the regency's, or (none set there either) no "Gabung apel" at all. */
function Fallback({ link }: { link: string | null | undefined }) {
  return link ? (
    <span class="muted">memakai tautan kabupaten: {link}</span>
  ) : (
    <span class="error">Kabupaten tidak menetapkan tautan: staf tidak mendapat tombol "Gabung apel". Isi tautan OPD di bawah.</span>
  );
}
