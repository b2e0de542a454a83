import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium } from '../support/browser';
import type { DemoApp } from '../support/demo-app';
import { callApi, startDemoApp } from '../support/demo-app';

/** A member of the sampled demo roster (bkpsdm) made admin for this test. */
const ADMIN_NIP = '198911082023091006';
const OPD = 'dukcapil';

/**
 * Issue 10 (survey and TPP) end to end: a citizen opens the survey from the poster's link on a
 * 360 px phone and answers with nine taps and a comment; the admin downloads the month's TPP
 * CSV from the console. Screenshots in test-results/ (git-ignored).
 */
describe.runIf(browserAvailable())('survey from the QR poster at 360 px, and the TPP CSV (Chromium)', { timeout: 60_000 }, () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    // Monday 30 November 2026, 07:10 WITA: apel pagi is open.
    app = await startDemoApp({ perOpd: 2, clock: '2026-11-30T07:10:00+08:00', demoMinutes: 0, roles: { [ADMIN_NIP]: 'admin' } });
    await app.tickApelClock();
    const staff = app.links.filter((l) => l.opd === OPD);
    expect((await callApi(app, staff[0]!, 'POST', '/api/checkins', { sesiId: '2026-11-30.pagi' })).status).toBe(201);
    // 08:01: the apel clock closes apel pagi and writes the recaps.
    app.setClock('2026-11-30T08:01:00+08:00');
    await app.tickApelClock();
    app.setClock('2026-11-30T09:30:00+08:00');
    browser = await launchChromium();
    mkdirSync('test-results', { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("a citizen answers the survey from the poster's link: nine taps, a comment, a thank-you", async () => {
    const print = await browser.newContext({ viewport: { width: 794, height: 1123 }, locale: 'id-ID' });
    const poster = await print.newPage();
    await poster.goto(new URL(`/survei/${OPD}/poster`, app.url).href);
    await expect.poll(() => poster.getByTestId('poster-opd').textContent()).toMatch(/Kependudukan/);
    expect(await poster.getByTestId('poster-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const url = (await poster.getByTestId('poster-url').textContent())!;
    expect(url).toBe(new URL(`/survei/${OPD}`, app.url).href);
    await poster.screenshot({ path: 'test-results/survei-poster.png', fullPage: true });
    await poster.emulateMedia({ media: 'print' });
    await poster.screenshot({ path: 'test-results/survei-poster-print.png', fullPage: true });

    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(url);
    await page.getByTestId('skm-opd').waitFor();
    await page.screenshot({ path: 'test-results/survei-360.png' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const send = page.getByTestId('skm-kirim');
    expect(await send.isDisabled()).toBe(true);
    const unsur = ['persyaratan', 'prosedur', 'waktu', 'biaya', 'produk', 'kompetensi', 'perilaku', 'pengaduan', 'sarana'];
    for (const [i, id] of unsur.entries()) await page.getByTestId(`skm-unsur-${id}`).getByText(i === 3 ? 'Baik' : 'Sangat baik', { exact: true }).tap();
    await page.getByTestId('skm-komentar').fill('Antrean cepat, petugas ramah.');
    await page.screenshot({ path: 'test-results/survei-360-terisi.png', fullPage: true });
    await send.tap();
    await page.getByTestId('skm-terima-kasih').waitFor();
    await page.screenshot({ path: 'test-results/survei-360-terima-kasih.png' });

    // The head (here: the admin, who may see any OPD) finds the answer in the results.
    const admin = app.links.find((l) => l.nip === ADMIN_NIP)!;
    const report = await callApi(app, admin, 'GET', `/api/opd/${OPD}/survei?dari=2026-11-01&sampai=2026-11-30`);
    expect(report.body.hasil.opd[0]).toMatchObject({ wfa: false, semua: { jawaban: 1, cukup: false }, hariWfa: { jawaban: 1 } });
    expect(report.body.hasil.opd[0].semua.ikm).toBeCloseTo(((8 * 4 + 3) / 9) * 25, 2);
    expect(report.body.komentar[0].komentar).toBe('Antrean cepat, petugas ramah.');

    // The heads' page (the admin may open any OPD there) shows it, with the poster's link, at 360 px.
    const heads = await phone.newPage();
    await heads.goto(admin.tautan.replace('/#t=', `/pimpinan?opd=${OPD}&tab=survei#t=`));
    await heads.getByTestId('skm-hasil').waitFor();
    expect(await heads.getByTestId('skm-komentar-daftar').textContent()).toContain('Antrean cepat, petugas ramah.');
    expect(await heads.getByTestId('skm-poster').getAttribute('href')).toBe(`/survei/${OPD}/poster`);
    await heads.screenshot({ path: 'test-results/pimpinan-survei-360.png', fullPage: true });
  });

  it('the admin downloads the TPP month per ASN from the console, NIPs kept as text', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', acceptDownloads: true });
    const page = await context.newPage();
    const admin = app.links.find((l) => l.nip === ADMIN_NIP)!;
    await page.goto(admin.tautan.replace('/#t=', '/admin/tpp#t='));
    await page.getByTestId('tpp-opd').waitFor();
    await page.screenshot({ path: 'test-results/admin-tpp.png', fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tpp-csv-asn').click()]);
    expect(download.suggestedFilename()).toBe('rekap-tpp-2026-11.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const present = app.links.find((l) => l.opd === OPD)!;
    expect(csv.startsWith('\ufeff"Bulan";"NIP";')).toBe(true);
    expect(csv).toContain(`"2026-11";"=""${present.nip}""";`);
    // Every sampled ASN is in it: the present one H, the others TK (2 % each).
    expect(csv.split('\r\n').filter((l) => l.startsWith('"2026-11"')).length).toBe(app.links.length);
    expect(csv).toContain('"2"\r\n');
  });
});
