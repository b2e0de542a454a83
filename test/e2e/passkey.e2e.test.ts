import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium } from '../support/browser';
import type { DemoApp } from '../support/demo-app';
import { callApi, startDemoApp } from '../support/demo-app';

/**
 * Passkey mode in Chromium at 360 px (issue 15 §2), beside presence.e2e.test.ts and set up as it
 * is: a phone with a platform authenticator (Chromium's virtual one, over CDP: internal, CTAP2,
 * resident keys, user verification) is offered "Daftarkan sidik jari", registers, and its tap asks
 * for the fingerprint: refused once (user not verified), then recorded with bukti 'passkey', which
 * the head's roll marks. A
 * phone without one is told once that its key alone is used, and checks in with bukti
 * 'perangkat'. Screenshots go to test-results/ (git-ignored).
 */
describe.runIf(browserAvailable())('passkey mode on the phone (Chromium, 360 px)', () => {
  let app: DemoApp;
  let browser: Browser;
  const OPD = 'setda';
  const SESI = '2026-12-02.demo';
  const staff = () => app.links.filter((l) => l.peran === 'asn' && l.opd === OPD);
  const head = () => app.links.find((l) => l.peran === 'pimpinan' && l.opd === OPD)!;
  const phone = () => browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'id-ID', isMobile: true, hasTouch: true });
  const rowOf = async (nip: string) =>
    (await callApi(app, head(), 'GET', `/api/opd/${OPD}/apel?sesi=${SESI}`)).body.rows.find((r: { nip: string }) => r.nip === nip);

  beforeAll(async () => {
    // Wednesday 2 December 2026, 10:00 WITA: the demo apel is open until 10:30, on time until 10:15.
    app = await startDemoApp({ perOpd: 3, clock: '2026-12-02T10:00:00+08:00', config: { buktiKehadiran: 'passkey' } });
    browser = await launchChromium();
    mkdirSync('test-results', { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('registers a passkey on a phone with a fingerprint sensor, and each tap asks for it: unverified refused, verified recorded as passkey', async () => {
    const context = await phone();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
    });
    const asn = staff()[0]!;

    await page.goto(asn.tautan);
    const offer = page.getByTestId('passkey-daftar');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('Daftarkan sidik jari');
    await page.screenshot({ path: 'test-results/passkey-daftar-360.png', fullPage: true });
    await page.getByTestId('passkey-daftarkan').click();
    await page.getByTestId('passkey-terdaftar').waitFor();
    expect((await callApi(app, asn, 'GET', '/api/me')).body.bukti.passkey).toEqual(expect.any(String));

    // The finger is not recognised: the tap is not sent, and the page says why.
    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
    await page.getByTestId('checkin-button').click();
    await expect.poll(() => page.getByTestId('checkin-error').textContent()).toContain('Sidik jari dibatalkan');
    // A passkey the phone cannot use is never a dead end: the card offers registering it again.
    expect(await page.getByTestId('passkey-daftar').textContent()).toContain('Daftarkan ulang sidik jari');
    await page.screenshot({ path: 'test-results/passkey-dibatalkan-360.png', fullPage: true });
    expect((await rowOf(asn.nip)).bukti).toBeNull();

    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: true });
    await page.getByTestId('checkin-button').click();
    const result = page.getByTestId('checkin-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('hadir');
    await page.screenshot({ path: 'test-results/passkey-hadir-360.png', fullPage: true });
    expect(await rowOf(asn.nip)).toMatchObject({ status: 'hadir', bukti: 'passkey' });
    await context.close();

    // The head's roll marks the check-in made with a fingerprint.
    const headContext = await phone();
    const headPage = await headContext.newPage();
    await headPage.goto(head().tautan);
    await headPage.getByTestId('head-link').click();
    await headPage.getByTestId('bukti-passkey').first().waitFor();
    await headPage.screenshot({ path: 'test-results/passkey-pimpinan-360.png', fullPage: true });
    await headContext.close();
  });

  it("tells a phone without a platform authenticator once that its key alone is used, and records its check-in as 'perangkat'", async () => {
    const context = await phone();
    const page = await context.newPage();
    const asn = staff()[1]!;

    await page.goto(asn.tautan);
    await page.getByTestId('passkey-tidak-didukung').waitFor();
    await page.screenshot({ path: 'test-results/passkey-tidak-didukung-360.png', fullPage: true });
    await page.getByTestId('checkin-button').click();
    await page.getByTestId('checkin-result').waitFor();

    expect(await rowOf(asn.nip)).toMatchObject({ status: 'hadir', bukti: 'perangkat' });
    await context.close();
  });
});
