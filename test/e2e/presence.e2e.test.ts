import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium } from '../support/browser';
import type { DemoApp } from '../support/demo-app';
import { callApi, startDemoApp } from '../support/demo-app';
import { BIND_AFTER_MS } from '../../web/src/pages/Checkin/presence';

/**
 * Proof of presence in Chromium at 360 px (issue 15): the first open binds the link to that
 * browser's key; the same link in a second browser context is refused and shows up for the head,
 * who approves it; a tap without network is kept and counts at its own time (hadir, luring); the
 * page opens without network from the service worker; a first check-in binds the link itself.
 * Screenshots go to .bench/ (git-ignored).
 */
describe.runIf(browserAvailable())('proof of presence on the phone (Chromium, 360 px)', () => {
  let app: DemoApp;
  let browser: Browser;
  const OPD = 'setda';
  const SESI = '2026-12-02.demo';
  const asn = () => app.links.find((l) => l.peran === 'asn' && l.opd === OPD)!;
  const head = () => app.links.find((l) => l.peran === 'pimpinan' && l.opd === OPD)!;
  // An ASN of another OPD (link not bound yet), for the test at the end.
  const other = (n: 0) => app.links.filter((l) => l.peran === 'asn' && l.opd !== OPD)[n]!;
  const phone = () => browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'id-ID', isMobile: true, hasTouch: true });
  let second: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    // Wednesday 2 December 2026, 10:00 WITA: the demo apel is open until 10:30, on time until 10:15.
    app = await startDemoApp({ perOpd: 3, clock: '2026-12-02T10:00:00+08:00' });
    browser = await launchChromium();
    mkdirSync('.bench', { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('binds the link to the first browser that opens it', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(asn().tautan);
    await page.getByTestId('checkin-button').waitFor();
    // Its apel is open and waits for the tap, which would bind the link itself: without a tap, POST /api/perangkat after BIND_AFTER_MS.
    await expect
      .poll(async () => (await callApi(app, asn(), 'GET', '/api/me')).body.bukti.perangkat, { timeout: BIND_AFTER_MS + 15_000, interval: 500 })
      .not.toBeNull();
    await context.close();
  });

  it('refuses the same link in a second browser, which waits for the head; the head approves and the page updates', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(asn().tautan);
    const notice = page.getByTestId('perangkat-menunggu');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('menunggu persetujuan');
    await page.screenshot({ path: '.bench/perangkat-menunggu-360.png', fullPage: true });
    // A tap from this phone is refused with the reason, and nothing is recorded.
    await page.getByTestId('checkin-button').click();
    await expect.poll(() => page.getByTestId('checkin-error').textContent()).toContain('ponsel lain');

    const headContext = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'id-ID' });
    const headPage = await headContext.newPage();
    await headPage.goto(head().tautan);
    await headPage.getByTestId('head-link').click();
    const request = headPage.getByTestId(`perangkat-${asn().nip}`);
    await request.waitFor();
    await request.getByTestId('setujui-perangkat').click();
    await request.waitFor({ state: 'detached' });
    await headContext.close();

    // The waiting page looks again every 15 s and then lets the ASN check in.
    await notice.waitFor({ state: 'detached', timeout: 25_000 });
    second = { context, page };
  }, 60_000);

  it('keeps a tap made without network and records it hadir, luring, when the network returns after the on-time limit', async () => {
    const { context, page } = second;
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);
    await page.getByTestId('checkin-button').click();
    await page.getByTestId('ketukan-tersimpan').waitFor();
    await page.screenshot({ path: '.bench/ketukan-tersimpan-360.png', fullPage: true });

    // 10:20: past 10:15, the on-time limit; the tap was made before it.
    app.setClock('2026-12-02T10:20:00+08:00');
    await context.setOffline(false);
    const result = page.getByTestId('checkin-result');
    await result.waitFor({ timeout: 20_000 });
    expect(await result.getAttribute('data-status')).toBe('hadir');
    const roll = await callApi(app, head(), 'GET', `/api/opd/${OPD}/apel?sesi=${SESI}`);
    expect(roll.body.rows.find((r: { nip: string }) => r.nip === asn().nip)).toMatchObject({ status: 'hadir', luring: true });
  });

  it('opens without network from the service worker, showing the last known state', async () => {
    const { context, page } = second;
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('tanpa-jaringan').waitFor();
    expect(await page.getByTestId('checkin-result').getAttribute('data-status')).toBe('hadir');
    await context.setOffline(false);
  });

  it('binds an unbound link with its first check-in, without a POST /api/perangkat beside it', async () => {
    const link = other(0);
    const context = await phone();
    const page = await context.newPage();
    const sent: string[] = [];
    let checkinBody: { bukti?: { kunci?: unknown } } | undefined;
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (!path.startsWith('/api/') || r.method() === 'GET') return;
      sent.push(`${r.method()} ${path}`);
      if (path === '/api/checkins') checkinBody = r.postDataJSON();
    });
    // However slow this machine is to tap, the deferred binding must not fire first: timers of BIND_AFTER_MS are held
    // (the page's 5 s wait for its extras too, which the tap starts anyway).
    await page.addInitScript((ms) => {
      const setTimer = window.setTimeout;
      window.setTimeout = ((fn: TimerHandler, delay?: number, ...args: unknown[]) =>
        delay === ms ? 0 : setTimer(fn, delay, ...args)) as typeof window.setTimeout;
    }, BIND_AFTER_MS);
    await page.goto(link.tautan);
    await page.getByTestId('checkin-button').click();
    const result = page.getByTestId('checkin-result');
    await result.waitFor();
    // (The clock is past the on-time limit since the luring test.)
    expect(['hadir', 'terlambat']).toContain(await result.getAttribute('data-status'));
    // The check-in carried the phone's key and bound the link in its own transaction.
    expect(checkinBody?.bukti?.kunci).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect((await callApi(app, link, 'GET', '/api/me')).body.bukti.perangkat).not.toBeNull();
    // No binding request went beside it.
    expect(sent).toEqual(['POST /api/checkins']);
    await context.close();
  });
});
