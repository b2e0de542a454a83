import { render } from 'preact';
import { takeToken, tokenFromHash } from './lib/token';
import { Checkin } from './pages/Checkin';
import './styles.css';
import { Lazy } from './lib/lazy';

/**
 * One page per path. The pages for pimpinan and admin will join this switch as lazy imports,
 * so that an ASN's phone never downloads them.
 */
function App({ token }: { token: string | undefined }) {
  // The admin console (`/admin`, `/admin/<tab>`), downloaded only there: see `Lazy`.
  if (/^\/admin(\/|$)/.test(location.pathname)) return <Lazy load={() => import('./pages/Admin' + '').then((m: typeof import('./pages/Admin')) => m.load())} token={token} />;
  switch (location.pathname) {
    // An OPD head's view of their staff, downloaded only there: see `Lazy`.
    case '/pimpinan':
      return <Lazy load={() => import('./pages/Pimpinan' + '').then((m: typeof import('./pages/Pimpinan')) => m.load())} token={token} />;
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
