import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { AppHeader } from '../../components/AppHeader';
import type { Me, Opd } from '../../../../contract';
import { ApiError, getMe } from '../../lib/api';
import type { PageProps } from '../../lib/lazy';
import { navigate } from '../../lib/navigate';
import { oneOf, param } from '../../lib/route';
import { stylesheet } from '../../lib/stylesheet';
import { dateIn } from '../../lib/time';
import { listOpds, messageOf } from './api';
import { ExcusesTab } from './ExcusesTab';
import { RecapsTab } from './RecapsTab';
import { SurveyTab } from './SurveyTab';
import { TppTab } from './TppTab';
import { MeetingLinksTab } from './MeetingLinksTab';
import { ReadinessTab } from './ReadinessTab';
import { RollView } from './RollView';
import type { Tab } from './tabs';
import { TABS } from './tabs';
import { useRoll } from './useRoll';
import badgeCss from '../../components/badge.css?url';
import cssUrl from './pimpinan.css?url';

/** Called by `main.tsx` through `Lazy`: the page's own stylesheets first (the badges' before its own), so it never shows unstyled. */
export async function load(): Promise<ComponentType<PageProps>> {
  await Promise.all([stylesheet(badgeCss), stylesheet(cssUrl)]);
  return Pimpinan;
}

/** Where the head is, kept in the address (`?opd=…&tab=…`, see lib/route.ts) so that a reload stays there. */
function fromAddress(): { opd: string | undefined; tab: Tab } {
  return { opd: param('opd'), tab: oneOf(TABS.map(([t]) => t), param('tab')) };
}

function toAddress(opd: string, tab: Tab) {
  const q = new URLSearchParams({ opd });
  if (tab !== 'apel') q.set('tab', tab);
  navigate(`${location.pathname}?${q}`, true);
}

/** `/pimpinan`: a head's view of their OPD (an admin picks any OPD). */
export function Pimpinan({ token }: PageProps) {
  const [me, setMe] = useState<Me>();
  const [opds, setOpds] = useState<Opd[]>();
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    if (!token) return;
    Promise.all([getMe(token), listOpds(token)]).then(
      ([m, list]) => {
        setMe(m.me);
        setOpds(list);
      },
      (e) => setError(e instanceof ApiError ? e : new ApiError(0, 'TIDAK_DIKENAL', messageOf(e))),
    );
  }, [token]);

  let body;
  if (!token) body = <Notice text="Buka halaman ini dari tautan pribadi Anda." />;
  else if (error) body = <Notice text={error.message} error />;
  else if (!me || !opds) body = <p class="card muted" role="status">Memuat…</p>;
  else if (opds.length === 0) body = <Notice text="Tautan ini tidak mengelola OPD mana pun." />;
  else return <HeadPage token={token} me={me} opds={opds} />;

  return (
    <>
      <AppHeader regency={me?.regency} />
      <main class="page">
        {body}
        <a class="btn-secondary head-link" href="/">
          Kembali ke presensi saya
        </a>
      </main>
    </>
  );
}

function Notice({ text, error = false }: { text: string; error?: boolean }) {
  return (
    <section class="card" role={error ? 'alert' : undefined} data-testid="head-notice">
      <p class={error ? 'error' : undefined}>{text}</p>
    </section>
  );
}

function HeadPage({ token, me, opds }: { token: string; me: Me; opds: Opd[] }) {
  const start = fromAddress();
  const [opd, setOpd] = useState(opds.find((o) => o.kode === start.opd)?.kode ?? opds.find((o) => o.kode === me.opd.kode)?.kode ?? opds[0]!.kode);
  const [tab, setTab] = useState<Tab>(start.tab);
  const [sesi, setSesi] = useState<string>();
  const [izinFor, setIzinFor] = useState<string>();
  const roll = useRoll(token, opd, sesi, tab === 'apel');
  const timeZone = roll.roll?.timeZone ?? me.timeZone;
  const zoneLabel = roll.roll?.zoneLabel ?? me.zoneLabel;
  const today = dateIn(Date.now() + roll.clockOffset, timeZone);
  const opdInfo = opds.find((o) => o.kode === opd)!;

  useEffect(() => toAddress(opd, tab), [opd, tab]);

  const go = (next: Tab) => {
    setTab(next);
    scrollTo(0, 0);
  };
  const common = { token, opd, timeZone, zoneLabel, today };

  return (
    <>
      <AppHeader regency={me.regency} />
      <main class="page page-wide" data-testid="pimpinan">
        <section class="head-bar" aria-label="OPD">
          <div>
            <p class="head-kicker">Halaman pimpinan</p>
            {opds.length > 1 ? (
              <label class="opd-pick">
                <span class="sr-only">OPD</span>
                <select
                  value={opd}
                  onChange={(e) => {
                    setOpd(e.currentTarget.value);
                    setSesi(undefined);
                  }}
                  data-testid="opd-select"
                >
                  {opds.map((o) => (
                    <option key={o.kode} value={o.kode}>
                      {o.nama}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <h2 class="head-opd">{opdInfo.nama}</h2>
            )}
            {!opdInfo.wfa && <p class="muted">OPD layanan publik: bekerja dari kantor, tetap mengikuti apel virtual.</p>}
          </div>
          <span class="head-links">
            <a class="head-back" href="/evaluasi" data-testid="link-evaluasi">
              Evaluasi WFA
            </a>{' '}
            <a class="head-back" href="/">
              Presensi saya
            </a>
          </span>
        </section>

        <nav class="tabs" aria-label="Bagian">
          {TABS.map(([t, label]) => (
            <button
              key={t}
              type="button"
              class="tab"
              aria-current={tab === t ? 'page' : undefined}
              onClick={() => {
                setIzinFor(undefined);
                go(t);
              }}
              data-testid={`tab-${t}`}
            >
              {label}
            </button>
          ))}
        </nav>

        {tab === 'apel' && (
          <RollView
            {...common}
            state={roll}
            chosenSesi={sesi}
            onSesi={setSesi}
            onIzin={(nip) => {
              setIzinFor(nip);
              go('izin');
            }}
          />
        )}
        {tab === 'izin' && (
          <ExcusesTab {...common} rows={roll.roll?.rows ?? []} initialNip={izinFor} onChanged={roll.reload} key={`${opd}|${izinFor ?? ''}`} />
        )}
        {tab === 'kesiapan' && <ReadinessTab {...common} clockOffset={roll.clockOffset} key={opd} />}
        {tab === 'rekap' && (
          <RecapsTab
            {...common}
            key={opd}
            onSesi={(id) => {
              setSesi(id);
              go('apel');
            }}
          />
        )}
        {tab === 'tautan' && <MeetingLinksTab {...common} current={opd === me.opd.kode ? me.tautanApel : undefined} key={opd} />}
        {tab === 'survei' && <SurveyTab {...common} key={opd} />}
        {tab === 'tpp' && <TppTab {...common} key={opd} />}
      </main>
    </>
  );
}
