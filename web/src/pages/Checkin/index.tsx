import { useEffect, useRef, useState } from 'preact/hooks';
import type { Me } from '../../../../contract';
import { AppHeader } from '../../components/AppHeader';
import { getMe } from '../../lib/api';
import { dateIn } from '../../lib/time';
import { storedToken } from '../../lib/token';
import { Profile } from './Profile';
import { SesiPanel } from './SesiPanel';
import { currentSesi } from './sesi';
import type { PasskeyChunk } from './presence';
import type { TapProof } from './useCheckin';
import { shown, useCheckin } from './useCheckin';
import { useMe } from './useMe';

/** The ASN's page: who they are, today's apel with the check-in button, and this week. */
export function Checkin({ token }: { token: string | undefined }) {
  // A link just opened that the server refuses does not displace the one kept from before (lib/token.ts).
  const [use, setUse] = useState(token);
  const [kept, setKept] = useState(false);
  const refused = () => {
    const before = storedToken();
    if (before && before !== use) {
      history.replaceState(history.state, '', location.pathname);
      setUse(before);
      setKept(true);
    }
  };
  return use ? <CheckinPage key={use} token={use} onRefused={refused} keptLink={kept} /> : <NoToken />;
}

type Presence = typeof import('./presence');
let presenceChunk: Promise<Presence> | undefined;

/** The proof-of-presence chunk (presence.ts), asked for at once (index.html preloads it: web/vite-pwa.ts), while GET /api/me is on its way. */
function usePresence(): Presence | undefined {
  const [m, setM] = useState<Presence>();
  presenceChunk ??= import('./presence' + '');
  useEffect(() => void presenceChunk!.then(setM, () => (presenceChunk = undefined)), []);
  return m;
}

function NoToken() {
  return (
    <>
      <AppHeader />
      <main class="page">
        <section class="card" data-testid="no-token">
          <h2>Tautan pribadi diperlukan</h2>
          <p>Buka aplikasi ini dari tautan pribadi Anda yang dikirim oleh admin kepegawaian.</p>
          <p class="muted">Tautan itu hanya untuk Anda; jangan dibagikan kepada orang lain.</p>
        </section>
      </main>
    </>
  );
}

function CheckinPage({ token, onRefused, keptLink }: { token: string; onRefused: () => void; keptLink: boolean }) {
  const answer = useMe(token);
  const { error, retrying, load } = answer;
  const presence = usePresence();
  const phone = useRef<ReturnType<Presence['attach']>>();
  // Opened without network (the shell from the service worker): the last known page, marked as such.
  const last = !answer.data && error?.status === 0 ? presence?.lastKnown(token) : undefined;
  const data = answer.data ?? (last && { me: last, clockOffset: 0, ticketPerf: Number.NaN, offline: true });
  const tap = useRef<TapProof>();
  // A tap before the chunk arrived waits for it rather than going unsigned; without it (it failed to load), unsigned.
  const chunk = async () => presence ?? (await presenceChunk?.catch(() => undefined));
  tap.current = data
    ? {
        // A ticket near its end (the page open a long while) is fetched afresh first, when there is network.
        proof: async () => {
          const p = await chunk();
          if (!p) return undefined;
          const stale = performance.now() - data.ticketPerf > (data.me.bukti?.berlakuMenit ?? 30) * 60_000 - 60_000;
          const fresh = stale && navigator.onLine ? await getMe(token).catch(() => undefined) : undefined;
          return p.checkinProof(fresh?.me ?? data.me, fresh?.ticketPerf ?? data.ticketPerf);
        },
        keep: async (body) => (await chunk())?.keepTap(token, body) ?? false,
      }
    : undefined;
  const [checkin, send, setCheckin] = useCheckin(token, () => void load(), () => tap.current);
  const [device, setDevice] = useState<string>();
  // Passkey mode, on the phone the link is bound to: the passkey chunk and its card (passkey.tsx).
  const [passkeyUi, setPasskeyUi] = useState<PasskeyChunk>();
  useEffect(() => {
    if (error?.status === 401) onRefused();
  }, [error]);
  // The phone's side (presence.ts attach): kept taps go out; the link binds to this phone, or the head is asked.
  useEffect(() => {
    if (!presence) return;
    phone.current = presence.attach({
      token,
      reload: () => void load(),
      fetchMe: () => getMe(token),
      device: setDevice,
      passkey: setPasskeyUi,
      delivered: (d) => {
        if ('checkin' in d) setCheckin({ sending: false, retrying: false, done: shown(d.checkin) });
        else if ('error' in d) setCheckin({ sending: false, retrying: false, error: d.error });
        else setCheckin((s) => ({ ...s, kept: true }));
        if (!('later' in d)) void load();
      },
    });
    return phone.current.stop;
  }, [presence]);
  useEffect(() => {
    if (data) phone.current?.seen(data.me, data.offline);
  }, [presence, data]);
  const words = presence?.WORDS;
  const boundaryTimer = useRef<ReturnType<typeof setTimeout>>();
  const boundaryLoad = useRef(0);
  // The readiness card comes with the extras chunk, fetched only while a check is running.
  const [extras, loadExtras] = useExtras();
  // So does the next apel, shown when none is left today (never during an apel's rush).
  const sesi = data && currentSesi(data.me.today);
  // And the late reason's form, shown after a late check-in while the apel is open.
  const late = !!sesi && sesi.state === 'dibuka' && (sesi.status === 'terlambat' || (checkin.done?.sesiId === sesi.id && checkin.done.status === 'terlambat'));
  // The week and the excuses are in it too (not needed to check in): asked for once the page has
  // its data; while an open apel waits for the tap, only after it (or 5 s), so that on a slow
  // network the chunk does not share the line with the check-in.
  const waitingForTap = !!sesi && sesi.state === 'dibuka' && sesi.status === 'belum' && !checkin.done && !checkin.kept;
  const [extrasDue, setExtrasDue] = useState(false);
  useEffect(() => {
    if (!data || extrasDue) return;
    if (!waitingForTap) return void setExtrasDue(true);
    const wait = setTimeout(() => setExtrasDue(true), 5_000);
    return () => clearTimeout(wait);
  }, [!!data, waitingForTap, extrasDue]);
  useEffect(() => {
    if (extrasDue) loadExtras();
  }, [extrasDue]);

  // When an apel opens or closes, ask the server for its new state, spread over a few seconds
  // so that every phone in the regency does not ask in the same second; until the server agrees,
  // ask again every 10 s.
  const onBoundary = () => {
    if (boundaryTimer.current || Date.now() - boundaryLoad.current < 10_000) return;
    boundaryTimer.current = setTimeout(
      () => {
        boundaryTimer.current = undefined;
        boundaryLoad.current = Date.now();
        void load();
      },
      500 + Math.random() * 3000,
    );
  };

  if (!data || error?.status === 401) {
    return (
      <>
        <AppHeader regency={data?.me.regency} />
        <main class="page">
          {error ? (
            <section class="card" role="alert" data-testid="load-error">
              <p class="error">{error.message}</p>
              {error.status === 401 ? null : (
                <button type="button" class="btn-secondary" onClick={() => void load()}>
                  Coba lagi
                </button>
              )}
            </section>
          ) : (
            <p class="card muted" role="status" data-testid="loading">
              {retrying ? 'Jaringan lambat, mencoba lagi…' : 'Memuat data Anda…'}
            </p>
          )}
        </main>
      </>
    );
  }

  const { me, clockOffset } = data;
  const serverNow = Date.now() + clockOffset;
  const today = dateIn(serverNow, me.timeZone);
  // The demo sesi (local demo mode) never requires a work plan, and offers apel pagi's meeting link.
  const slot = sesi?.slot === 'sore' ? 'sore' : 'pagi';
  const laporan = !me.laporan ? 'tidak' : sesi?.slot === 'demo' ? 'opsional' : me.laporan[slot];

  return (
    <>
      <AppHeader regency={me.regency} />
      <main class="page">
        {words &&
          (
            [
              [keptLink, 'tautan-lama-dipakai', words.tautanLama],
              [data.offline, 'tanpa-jaringan', words.tanpaJaringan],
              [device === 'menunggu', 'perangkat-menunggu', words.menunggu],
              [checkin.kept && !checkin.done, 'ketukan-tersimpan', words.tersimpan],
            ] as const
          ).map(([show, id, text]) => show && <p key={id} class="card notice" role="status" data-testid={id}>{text}</p>)}
        <Profile asn={me.asn} opd={me.opd} />
        {passkeyUi && presence && !data.offline && <passkeyUi.PasskeyCard token={token} me={me} sign={presence.deviceSign} onDone={() => void load()} />}
        {(me.asn.role === 'pimpinan' || me.asn.role === 'admin') && (
          <a class="btn-secondary head-link" href="/pimpinan" data-testid="head-link">
            Halaman pimpinan
          </a>
        )}
        {me.asn.role === 'admin' && (
          <a class="btn-secondary head-link" href="/admin" data-testid="admin-link">
            Konsol admin
          </a>
        )}
        {extras && extras !== 'gagal' && <extras.Excuses izin={me.izin} today={today} />}
        {me.kesiapan && extras && extras !== 'gagal' && (
          <extras.ReadinessCard
            key={me.kesiapan.id}
            token={token}
            cek={me.kesiapan}
            timeZone={me.timeZone}
            zoneLabel={me.zoneLabel}
            clockOffset={clockOffset}
            proof={presence && ((cekId) => presence.readinessProof(me, cekId))}
          />
        )}
        {!me.opd.wfa && (
          <p class="card notice" role="note" data-testid="wfo-notice">
            OPD Anda melayani publik secara langsung dan tidak menerapkan WFA: Anda bekerja dari kantor sesuai jam
            kerja. Apel virtual tetap diikuti.
          </p>
        )}
        {sesi ? (
          <SesiPanel
            key={sesi.id}
            sesi={sesi}
            timeZone={me.timeZone}
            zoneLabel={me.zoneLabel}
            clockOffset={clockOffset}
            checkin={checkin.done}
            sending={checkin.sending}
            retrying={checkin.retrying}
            error={checkin.error}
            onCheckin={(id, extras) => void send(id, extras)}
            laporan={laporan}
            seragam={me.seragam ?? null}
            tautan={me.tautanApel?.[slot] ?? null}
            onBoundary={onBoundary}
          />
        ) : extras && extras !== 'gagal' ? (
          <extras.NextSesi
            token={token}
            today={today}
            finished={me.today.length > 0}
            clockOffset={clockOffset}
            onBoundary={onBoundary}
          />
        ) : (
          <p class="card muted">{extras ? 'Gagal dimuat. Periksa jaringan, lalu muat ulang halaman.' : 'Memuat…'}</p>
        )}
        {sesi && late && extras && extras !== 'gagal' && <extras.LateReason key={sesi.id} token={token} sesiId={sesi.id} sent={sesi.alasanTerlambat} />}
        {extras && extras !== 'gagal' && <extras.WeekList week={me.week} izin={me.izin} today={today} timeZone={me.timeZone} zoneLabel={me.zoneLabel} />}
        <More me={me} token={token} today={today} />
      </main>
    </>
  );
}

type Extras = typeof import('./Extras');

/** The extras chunk (Extras.tsx), fetched on the first `load()`; 'gagal' when it could not be (a later `load()` tries again). */
function useExtras(): [Extras | 'gagal' | undefined, () => void] {
  const [m, setM] = useState<Extras | 'gagal'>();
  return [m, () => void (m && m !== 'gagal' ? 0 : import('./Extras' + '').then((x: Extras) => x.styled.then(() => x)).then(setM, () => setM('gagal')))];
}

/**
 * History and help, not needed to check in: their code (Extras.tsx) is downloaded only when
 * the ASN opens one, so the check-in page stays small.
 */
function More(props: { me: Me; token: string; today: string }) {
  const [open, setOpen] = useState<'riwayat' | 'bantuan' | 'pengingat'>();
  const [m, load] = useExtras();
  const show = (what: 'riwayat' | 'bantuan' | 'pengingat') => {
    setOpen(open === what ? undefined : what);
    load();
  };
  return (
    <>
      <p class="more">
        <button type="button" class="btn-secondary" aria-expanded={open === 'riwayat'} onClick={() => show('riwayat')} data-testid="buka-riwayat">
          Riwayat presensi
        </button>
        <button type="button" class="btn-secondary" aria-expanded={open === 'bantuan'} onClick={() => show('bantuan')} data-testid="buka-bantuan">
          Bantuan
        </button>
        <button type="button" class="btn-secondary" aria-expanded={open === 'pengingat'} onClick={() => show('pengingat')} data-testid="buka-pengingat">
          Pengingat
        </button>
      </p>
      {open &&
        (m === 'gagal' ? (
          <p class="card error">Gagal dimuat. Periksa jaringan, lalu coba lagi.</p>
        ) : !m ? (
          <p class="card muted">Memuat…</p>
        ) : open === 'riwayat' ? (
          <m.History token={props.token} today={props.today} />
        ) : open === 'pengingat' ? (
          <m.Reminders token={props.token} />
        ) : (
          <m.Help me={props.me} />
        ))}
    </>
  );
}
