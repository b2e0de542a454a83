import { useRef } from 'preact/hooks';
import { AppHeader } from '../../components/AppHeader';
import { dateIn } from '../../lib/time';
import { Excuses } from './Excuses';
import { NextSesi } from './NextSesi';
import { Profile } from './Profile';
import { ReadinessCard } from './ReadinessCard';
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
  const sesi = currentSesi(me.today);
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
        {me.kesiapan && (
          <ReadinessCard
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
        ) : (
          <NextSesi
            token={token}
            today={today}
            finished={me.today.length > 0}
            clockOffset={clockOffset}
            onBoundary={onBoundary}
          />
        )}
        <WeekList week={me.week} izin={me.izin} today={today} timeZone={me.timeZone} zoneLabel={me.zoneLabel} />
      </main>
    </>
  );
}
