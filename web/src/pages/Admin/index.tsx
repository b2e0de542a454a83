import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../../../contract';
import type { ApiError } from '../../lib/api';
import { getMe } from '../../lib/api';
import type { PageProps } from '../../lib/lazy';
import { stylesheet } from '../../lib/stylesheet';
import { dateIn } from '../../lib/time';
import { keepToken, tokenFromHash } from '../../lib/token';
import adminCss from './admin.css?url';
import type { AdminContext } from './context';
import { AdminHeader } from './AdminHeader';
import { TabPages } from './TabPage';
import { Tabs } from './Tabs';
import { useTab } from './route';
import { asApiError } from './ui/useLoad';

/** Called by `main.tsx` when `/admin…` is opened: the console's styles, then the console. */
export async function load(): Promise<ComponentType<PageProps>> {
  await stylesheet(adminCss);
  return Admin;
}

/** The HR admin's console: who is signed in (their link's role must be admin), tabs, the open tab. */
function Admin(props: PageProps) {
  const [token, setToken] = useState(props.token);
  const [me, setMe] = useState<Me>();
  const [error, setError] = useState<ApiError>();
  const [tab, open] = useTab();

  useEffect(() => {
    document.title = 'Konsol Admin · Apel WFA';
    if (token && !me) getMe(token).then(({ me }) => setMe(me), (e) => setError(asApiError(e)));
  }, [token]);

  if (!token || error || !me || me.asn.role !== 'admin') {
    return (
      <>
        <AdminHeader me={me} />
        <main class="adm-main">
          <section class="adm-card adm-gate" data-testid="admin-gate">
            {!token ? (
              <>
                <h2>Tautan admin diperlukan</h2>
                <p>Buka konsol ini dari tautan admin pribadi Anda (alamat yang diakhiri #t=…).</p>
              </>
            ) : error ? (
              <>
                <p class="adm-note adm-note-error" role="alert">
                  {error.message}
                </p>
                {error.status === 401 && <p>Mintalah tautan admin baru kepada admin lain atau kepada Diskominfo.</p>}
              </>
            ) : !me ? (
              <p class="muted" role="status">
                Memeriksa tautan Anda…
              </p>
            ) : (
              <>
                <h2>Khusus admin kepegawaian</h2>
                <p>Tautan ini milik {me.asn.nama}, bukan admin. Konsol ini hanya untuk admin BKPSDM atau Bagian Organisasi.</p>
                <p>
                  <a href="/">Buka halaman apel Anda</a>
                </p>
              </>
            )}
          </section>
        </main>
      </>
    );
  }

  const ctx: AdminContext = {
    token,
    timeZone: me.timeZone,
    zoneLabel: me.zoneLabel,
    today: dateIn(Date.parse(me.now), me.timeZone),
    nip: me.asn.nip,
    open,
    adoptLink: (url) => {
      const next = tokenFromHash(new URL(url).hash);
      if (!next) return;
      keepToken(next);
      setToken(next);
    },
  };
  return (
    <>
      <AdminHeader me={me} />
      <Tabs tab={tab} open={open} />
      <main class="adm-main" id="isi">
        <TabPages tab={tab} ctx={ctx} />
      </main>
    </>
  );
}
