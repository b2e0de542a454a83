import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium } from '../support/browser';
import type { DemoApp, DemoLink } from '../support/demo-app';
import { callApi, startDemoApp } from '../support/demo-app';
import type { BrowserSubscription, PushReceiver } from '../support/push-receiver';
import { startPushReceiver } from '../support/push-receiver';

/**
 * Issue 12 in Chromium: an ASN switches reminders on (the permission granted by the test)
 * and off on their page, and their head copies the WhatsApp message and sends "Kirim
 * pengingat" from the live roll, which reaches the ASN's subscription.
 *
 * What cannot run here: a real push service. Headless Chromium has no FCM connection, so its
 * `pushManager.subscribe` fails; the test replaces subscribe/getSubscription (only those) with
 * a subscription whose endpoint is the local https receiver and whose keys the test holds, so
 * everything else (the page's permission and key handling, the real service worker, the API,
 * the queue, web-push's encryption and VAPID) is the product's own, and the receiver decrypts
 * what arrives (RFC 8291).
 */
describe.runIf(browserAvailable())('reminders (Chromium, 360 px)', () => {
  let app: DemoApp;
  let browser: Browser;
  let receiver: PushReceiver;
  let sub: BrowserSubscription;
  let drain: () => Promise<void>;
  const link = (pred: (l: DemoLink) => boolean) => app.links.find(pred)!;

  /** A phone's context: notifications (and the clipboard) allowed for this site, push subscribe answered by the receiver. */
  async function phone(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'id-ID' });
    await context.grantPermissions(['notifications', 'clipboard-read', 'clipboard-write'], { origin: app.url });
    await context.addInitScript(
      ({ endpoint, p256dh, auth }) => {
        // The browser keeps a subscription across page loads: so does this stand-in (sessionStorage).
        const KEPT = 'uji-langganan-push';
        const make = (key: number[]) => ({
          endpoint,
          expirationTime: null,
          options: { applicationServerKey: new Uint8Array(key).buffer, userVisibleOnly: true },
          toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh, auth } }),
          unsubscribe: async () => (sessionStorage.removeItem(KEPT), true),
        });
        PushManager.prototype.subscribe = async function (o?: PushSubscriptionOptionsInit) {
          const key = Array.from(o?.applicationServerKey as Uint8Array);
          sessionStorage.setItem(KEPT, JSON.stringify(key));
          return make(key) as unknown as PushSubscription;
        };
        PushManager.prototype.getSubscription = async () => {
          const kept = sessionStorage.getItem(KEPT);
          return (kept ? make(JSON.parse(kept)) : null) as unknown as PushSubscription | null;
        };
      },
      { endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth },
    );
    return { context, page: await context.newPage() };
  }

  beforeAll(async () => {
    receiver = await startPushReceiver();
    process.env.APEL_PUSH_CA_FILE = receiver.caFile;
    sub = receiver.subscription('hp-asn');
    // Monday 30 November 2026, 10:00 WITA: the demo apel is open (30 minutes, on time for 15).
    app = await startDemoApp({ perOpd: 3, clock: '2026-11-30T10:00:00+08:00' });
    const { local } = await import('../../functions/store/reminder-queue');
    drain = () => local.drain();
    browser = await launchChromium();
    mkdirSync('test-results', { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await receiver?.close();
  });

  it('switches reminders on after the tap, and off again', async () => {
    const asn = link((l) => l.peran === 'asn' && l.opd === 'setda');
    const { context, page } = await phone();
    await page.goto(asn.tautan);
    await page.getByTestId('buka-pengingat').click();
    const card = page.getByTestId('pengingat');
    await card.getByTestId('pengingat-nyalakan').waitFor();
    expect(await card.textContent()).toContain('Di iPhone: pasang Apel WFA di layar utama dari Safari (iOS 16.4 atau lebih baru)');
    expect(await card.textContent()).toContain('Berfungsi di Chrome Android');

    await card.getByTestId('pengingat-nyalakan').click();
    await card.getByTestId('pengingat-menyala').waitFor();
    await page.screenshot({ path: 'test-results/pengingat-asn-360.png', fullPage: true });
    expect((await callApi(app, asn, 'GET', '/api/me/pengingat')).body.perangkat).toHaveLength(1);

    // Opened again later, the page knows this device is on.
    await page.reload();
    await page.getByTestId('buka-pengingat').click();
    await card.getByTestId('pengingat-menyala').waitFor();

    await card.getByTestId('pengingat-matikan').click();
    await card.getByTestId('pengingat-nyalakan').waitFor();
    expect((await callApi(app, asn, 'GET', '/api/me/pengingat')).body.perangkat).toEqual([]);

    // On again, for the head's nudge below.
    await card.getByTestId('pengingat-nyalakan').click();
    await card.getByTestId('pengingat-menyala').waitFor();
    await context.close();
  }, 60_000);

  it("the head copies the WhatsApp message and sends 'Kirim pengingat' once; it reaches the ASN's subscription", async () => {
    const head = link((l) => l.peran === 'pimpinan' && l.opd === 'setda');
    const asn = link((l) => l.peran === 'asn' && l.opd === 'setda');
    const { context, page } = await phone();
    await page.goto(head.tautan);
    await page.getByTestId('head-link').click();
    await page.getByTestId('pengingat-pimpinan').waitFor();

    await page.getByTestId('salin-wa').click();
    await page.getByTestId('wa-disalin').waitFor();
    const message = await page.evaluate(() => navigator.clipboard.readText());
    expect(message).toMatch(/^\*Apel Percobaan — /);
    expect(message).toContain('Tepat waktu sampai 10.15 WITA (15 menit lagi).');
    expect(message).toContain(asn.nama);
    expect(message).toContain(head.nama); // the head has not checked in either

    await page.getByTestId('kirim-pengingat').click();
    const sent = page.getByTestId('pengingat-terkirim');
    await sent.waitFor();
    expect(await sent.textContent()).toMatch(/^Pengingat dikirim 10\.\d\d WITA kepada 1 dari \d+ pegawai yang belum hadir/);
    expect(await page.getByTestId('kirim-pengingat').isDisabled()).toBe(true);
    await page.screenshot({ path: 'test-results/pengingat-pimpinan-360.png', fullPage: true });

    await drain();
    const [push] = receiver.delivered(sub);
    expect(push).toMatchObject({ title: 'Pengingat Apel Percobaan', url: '/', body: expect.stringMatching(/^Pimpinan mengingatkan: Anda belum presensi Apel Percobaan/) });

    // A second tap (another tab) is refused by the server.
    expect((await callApi(app, head, 'POST', `/api/opd/setda/apel/${app.demo!.id}/pengingat`)).status).toBe(409);
    await context.close();
  });
});
