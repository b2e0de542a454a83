import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium } from '../support/browser';
import type { DemoApp, DemoLink } from '../support/demo-app';
import { callApi, startDemoApp } from '../support/demo-app';

/**
 * The evaluation in Chromium: on a fresh start with the eight-week demo past, the admin
 * opens /evaluasi and sees charts with their tables and the per-OPD table (1280 px and
 * 360 px, and the printed report); a head assesses an output on the sore roll. Monday 30
 * November 2026, 16:05 WITA: apel sore is open.
 */
describe.runIf(browserAvailable())('the WFA evaluation (Chromium)', () => {
  let app: DemoApp;
  let browser: Browser;
  const ADMIN_NIP = '199911032023072011';
  const link = (pred: (l: DemoLink) => boolean) => app.links.find(pred)!;

  beforeAll(async () => {
    app = await startDemoApp({ perOpd: 3, clock: '2026-11-30T16:05:00+08:00', demoMinutes: 0, demoPast: true, roles: { [ADMIN_NIP]: 'admin' } });
    await app.tickApelClock();
    browser = await launchChromium();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the admin the regency: key figures, charts each with a table, WFA beside exempt OPDs, the network per kecamatan, the per-OPD table, DATA CONTOH', async () => {
    const admin = link((l) => l.nip === ADMIN_NIP);
    for (const width of [1280, 360]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'id-ID' });
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${app.url}/evaluasi?periode=2026-11${new URL(admin.tautan).hash}`);
      await page.getByTestId('eval-report').waitFor();
      // The weekly trend, the network per kecamatan and the bars per OPD.
      await expect.poll(() => page.locator('[data-testid="chart"] canvas').count()).toBe(3);
      await expect(page.getByTestId('eval-demo').textContent()).resolves.toContain('DATA CONTOH');
      await expect(page.getByTestId('eval-caveat').textContent()).resolves.toContain('bukan bukti sebab-akibat');
      expect(await page.locator('[data-testid="eval-trend-table"] tbody tr').count()).toBeGreaterThanOrEqual(4);
      expect(await page.locator('[data-testid="eval-opd-table"] tbody tr').count()).toBe(36);
      await expect(page.getByTestId('eval-kecamatan-table').textContent()).resolves.toMatch(/Bolaang Uki.*≤ .*dtk/);
      await expect(page.getByTestId('eval-disiplin-table').textContent()).resolves.toMatch(/OPD WFA.*%.*OPD dikecualikan/);
      await page.screenshot({ path: `test-results/evaluasi-${width}.png`, fullPage: true });
      if (width === 1280) {
        await page.emulateMedia({ media: 'print' });
        await page.pdf({ path: 'test-results/evaluasi-laporan.pdf', format: 'A4' });
        await page.screenshot({ path: 'test-results/evaluasi-cetak.png', fullPage: true });
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('lets a head assess an output on the sore roll with one tap, counted in the evaluation once the apel closes', async () => {
    const head = link((l) => l.peran === 'pimpinan' && l.opd === 'setda');
    const asn = link((l) => l.peran === 'asn' && l.opd === 'setda');
    expect((await callApi(app, asn, 'POST', '/api/checkins', { sesiId: '2026-11-30.sore', laporan: 'Menyelesaikan telaah staf' })).status).toBe(201);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    await page.goto(head.tautan);
    await page.getByTestId('head-link').click();
    // The heads' page leads to the evaluation of their OPD.
    await expect(page.getByTestId('link-evaluasi').getAttribute('href')).resolves.toBe('/evaluasi');
    const row = page.getByTestId(`row-${asn.nip}`);
    await row.getByTestId('nilai-sebagian').click();
    await expect.poll(() => row.getByTestId('nilai-sebagian').getAttribute('aria-pressed')).toBe('true');
    await page.close();
    app.setClock('2026-11-30T16:32:00+08:00');
    await app.tickApelClock();
    const res = await callApi(app, head, 'GET', '/api/opd/evaluasi?dari=2026-11-30&sampai=2026-11-30');
    expect(res.status).toBe(200);
    expect(res.body.opd[0].ini.nilai).toEqual({ sesuai: 0, sebagian: 1, tidak_sesuai: 0 });
    // A real apel in the period: the demo past is left out of it.
    expect(res.body.demo).toBe(false);
  });
});
