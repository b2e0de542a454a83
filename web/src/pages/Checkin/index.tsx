import { useEffect, useRef, useState } from 'preact/hooks';
import type { Me } from '../../../../contract';
import { AppHeader } from '../../components/AppHeader';
import { dateIn } from '../../lib/time';
import { Excuses } from './Excuses';
import { Profile } from './Profile';
import { SesiPanel } from './SesiPanel';
import { currentSesi } from './sesi';
import { useCheckin } from './useCheckin';
import { useMe } from './useMe';
import { WeekList } from './WeekList';

/** The ASN's page: who they are, today's apel with the check-in button, and this week. */
export function Checkin({ token }: { token: string | undefined }) {
  return token ? <CheckinPage token={token} /> : <NoToken />;
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

function CheckinPage({ token }: { token: string }) {
  const { data, error, retrying, load } = useMe(token);
  const [checkin, send] = useCheckin(token, () => void load());
  const boundaryTimer = useRef<ReturnType<typeof setTimeout>>();
  const boundaryLoad = useRef(0);
  // The readiness card comes with the extras chunk, fetched only while a check is running.
  const [extras, loadExtras] = useExtras();
  // So does the next apel, shown when none is left today (never during an apel's rush).
  const sesi = data && currentSesi(data.me.today);
  // And the late reason's form, shown after a late check-in while the apel is open.
  const late = !!sesi && sesi.state === 'dibuka' && (sesi.status === 'terlambat' || (checkin.done?.sesiId === sesi.id && checkin.done.status === 'terlambat'));
  const needExtras = !!data && (!!data.me.kesiapan || !sesi || late);
  useEffect(() => {
    if (needExtras) loadExtras();
  }, [needExtras]);

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
              {error.status === 401 ? (
                <p class="muted">Mintalah tautan baru kepada admin kepegawaian.</p>
              ) : (
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
        <Profile asn={me.asn} opd={me.opd} />
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
        <Excuses izin={me.izin} today={today} />
        {me.kesiapan && extras && extras !== 'gagal' && (
          <extras.ReadinessCard
            key={me.kesiapan.id}
            token={token}
            cek={me.kesiapan}
            timeZone={me.timeZone}
            zoneLabel={me.zoneLabel}
            clockOffset={clockOffset}
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
        <WeekList week={me.week} izin={me.izin} today={today} timeZone={me.timeZone} zoneLabel={me.zoneLabel} />
        <More me={me} token={token} today={today} />
      </main>
    </>
  );
}

type Extras = typeof import('./Extras');

/** The extras chunk (Extras.tsx), fetched on the first `load()`; 'gagal' when it could not be (a later `load()` tries again). */
function useExtras(): [Extras | 'gagal' | undefined, () => void] {
  const [m, setM] = useState<Extras | 'gagal'>();
  return [m, () => void (m && m !== 'gagal' ? 0 : import('./Extras' + '').then(setM, () => setM('gagal')))];
}

/**
 * History and help, not needed to check in: their code (Extras.tsx) is downloaded only when
 * the ASN opens one, so the check-in page stays small.
 */
function More(props: { me: Me; token: string; today: string }) {
  const [open, setOpen] = useState<'riwayat' | 'bantuan'>();
  const [m, load] = useExtras();
  const show = (what: 'riwayat' | 'bantuan') => {
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
      </p>
      {open &&
        (m === 'gagal' ? (
          <p class="card error">Gagal dimuat. Periksa jaringan, lalu coba lagi.</p>
        ) : !m ? (
          <p class="card muted">Memuat…</p>
        ) : open === 'riwayat' ? (
          <m.History token={props.token} today={props.today} />
        ) : (
          <m.Help me={props.me} />
        ))}
    </>
  );
}
