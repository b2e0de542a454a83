/**
 * Reminders in the service worker (issue 12): a push shows its notification (title, body,
 * one per `tag`, so a repeat replaces it), and a tap on it opens the check-in page, or
 * focuses it when it is already open. The notification carries the page's address without
 * any token (the page uses the link it keeps). Called by sw.ts with the worker's scope.
 */

interface PushScope {
  addEventListener(type: string, listener: (event: any) => void): void;
  registration: ServiceWorkerRegistration;
  clients: { matchAll(o: { type: 'window'; includeUncontrolled: boolean }): Promise<Array<{ url: string; focus(): Promise<unknown>; navigate?(url: string): Promise<unknown> }>>; openWindow(url: string): Promise<unknown> };
  location: Location;
}

interface Payload {
  title?: string;
  body?: string;
  url?: string;
  tag?: string;
}

export function listenForReminders(sw: PushScope): void {
  sw.addEventListener('push', (event) => {
    let p: Payload = {};
    try {
      p = (event.data?.json() as Payload) ?? {};
    } catch {
      // not JSON: the generic notice below
    }
    event.waitUntil(
      sw.registration.showNotification(p.title ?? 'Apel WFA', {
        body: p.body ?? 'Buka halaman presensi Anda.',
        lang: 'id',
        icon: '/ikon-192.png',
        ...(p.tag ? { tag: p.tag } : {}),
        data: { url: p.url ?? '/' },
      }),
    );
  });

  sw.addEventListener('notificationclick', (event) => {
    event.notification.close();
    // Only a page of this site, whatever the payload says.
    const target = new URL(String(event.notification.data?.url ?? '/'), sw.location.origin);
    const url = target.origin === sw.location.origin ? target.href : sw.location.origin + '/';
    event.waitUntil(
      sw.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
        const open = windows.find((w) => new URL(w.url).pathname === new URL(url).pathname);
        return open ? open.focus() : sw.clients.openWindow(url);
      }),
    );
  });
}
