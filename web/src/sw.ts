/**
 * The service worker (issue 15): keeps the check-in page's shell so the page opens without
 * network (showing the last known state and a kept tap), and sends taps kept on the phone on
 * Background Sync. Hand-written (about 1 kB) rather than Workbox: it caches a handful of files
 * and never an API answer, and its listeners stay readable here, where reminders (issue 12)
 * add their `push` and `notificationclick` listeners below.
 *
 * Built by web/vite.config.ts (esbuild) into /sw.js with SHELL (index.html, the entry script and
 * stylesheet, the proof-of-presence chunk, the manifest and icons) and VERSION (a hash of SHELL).
 */
import { sendKept, SYNC_TAG } from './lib/outbox';
import { listenForReminders } from './sw-reminders';

declare const SHELL: string[];
declare const VERSION: string;

/** The few parts of the worker's scope used here (tsconfig has the DOM library, not WebWorker's). */
interface WorkerScope {
  addEventListener(type: string, listener: (event: any) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}
const sw = self as unknown as WorkerScope;
const CACHE = `apel-wfa-${VERSION}`;

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('apel-wfa-') && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request as Request;
  const url = new URL(request.url);
  // Only this site's files; never /api (personal and time-bound: the page keeps its own last answer).
  if (request.method !== 'GET' || url.origin !== sw.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    // The shell at once from the cache (icon → page without a round trip), refreshed behind it.
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const cached = await cache.match('/index.html');
        const fresh = fetch('/index.html', { cache: 'no-cache' })
          .then((res) => (res.ok && cache.put('/index.html', res.clone()), res))
          .catch(() => cached ?? Response.error());
        if (cached) event.waitUntil(fresh);
        return cached ?? fresh;
      }),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || SHELL.includes(url.pathname)) {
    // Hashed files never change: the cache first, the network for those not kept yet (lazy pages).
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const cached = await cache.match(request);
        if (cached) return cached;
        const res = await fetch(request);
        if (res.ok && url.pathname.startsWith('/assets/') && /(Checkin|Extras|presence|index)-/.test(url.pathname)) void cache.put(request, res.clone());
        return res;
      }),
    );
  }
});

// Taps kept on the phone without network (lib/outbox.ts): sent as soon as the browser sees a network.
sw.addEventListener('sync', (event) => {
  if (event.tag === SYNC_TAG) event.waitUntil(sendKept());
});

// Reminders (issue 12): a push shows its notification, a tap opens the check-in page (sw-reminders.ts).
listenForReminders(sw as unknown as Parameters<typeof listenForReminders>[0]);
