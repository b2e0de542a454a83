import { render } from 'preact';
import { Lazy } from './lib/lazy';
import { segment } from './lib/route';
import { takeToken, tokenFromHash } from './lib/token';
import { Checkin } from './pages/Checkin';
import './styles.css';

/**
 * One page per path (see `lib/route.ts`). The heads' page and the admin console are lazy
 * imports (see `Lazy`), so that an ASN's phone never downloads them.
 */
function App({ token }: { token: string | undefined }) {
  switch (segment(0)) {
    // The admin console (`/admin`, `/admin/<tab>`).
    case 'admin':
      return <Lazy load={() => import('./pages/Admin' + '').then((m: typeof import('./pages/Admin')) => m.load())} token={token} />;
    // An OPD head's view of their staff.
    case 'pimpinan':
      return <Lazy load={() => import('./pages/Pimpinan' + '').then((m: typeof import('./pages/Pimpinan')) => m.load())} token={token} />;
    // The WFA evaluation (admin: the regency; a head: their OPD), with its charts.
    case 'evaluasi':
      return <Lazy load={() => import('./pages/Evaluasi' + '').then((m: typeof import('./pages/Evaluasi')) => m.load())} token={token} />;
    // The public Survei Kepuasan Masyarakat of an OPD and its QR poster (no link needed).
    case 'survei':
      return <Lazy load={() => import('./pages/Survei' + '').then((m: typeof import('./pages/Survei')) => m.load())} token={token} />;
    default:
      return <Checkin token={token} />;
  }
}

const root = document.getElementById('app') as HTMLElement;

function show() {
  const token = takeToken();
  render(<App key={token} token={token} />, root);
}

show();
// Opening another personal link while the page is open only changes the fragment.
addEventListener('hashchange', () => {
  if (tokenFromHash(location.hash)) show();
});
