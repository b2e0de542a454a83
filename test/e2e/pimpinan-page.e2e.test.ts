import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium } from '../support/browser';
import type { DemoApp } from '../support/demo-app';
import { callApi, startDemoApp } from '../support/demo-app';

/**
 * The heads' page tells the head what it cannot do before they try (issue 14, point 6): no
 * uniform mark on a day without a uniform, why a readiness check cannot start, that staff get no
 * "Gabung apel" when the regency set no link; it clears an old success message; at 360 px its
 * tabs fit and the recap tables say they scroll. Screenshots go to .bench/ (git-ignored).
 */
describe.runIf(browserAvailable())("the heads' page says beforehand what cannot be done (Chromium, 360 px)", () => {
  let app: DemoApp;
  let browser: Browser;
  const OPD = 'setda';
  const head = () => app.links.find((l) => l.peran === 'pimpinan' && l.opd === OPD)!;
  const staff = () => app.links.filter((l) => l.peran === 'asn' && l.opd === OPD);

  async function headPage(tab: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(head().tautan);
    await page.getByTestId('head-link').click();
    await page.getByTestId(`tab-${tab}`).click();
    return page;
  }

  beforeAll(async () => {
    // Tuesday 1 December 2026, 07:00:30 WITA: apel pagi opens; no uniform is set for Tuesday and the
    // regency has no meeting link.
    app = await startDemoApp({
      perOpd: 4,
      clock: '2026-12-01T07:00:30+08:00',
      demoMinutes: 0,
      config: { seragam: { senin: 'PDH khaki' }, tautanApel: {} },
    });
    await app.tickApelClock();
    browser = await launchChromium();
    mkdirSync('.bench', { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('offers no "Tandai tidak patuh" on a day without a uniform, and its tabs fit a 360 px screen', async () => {
    const asn = staff()[0]!;
    expect((await callApi(app, asn, 'POST', '/api/checkins', { sesiId: '2026-12-01.pagi' })).status).toBe(201);
    const page = await headPage('apel');
    const row = page.getByTestId(`row-${asn.nip}`);
    await expect.poll(() => row.getAttribute('data-status')).toBe('hadir');
    expect(await row.getByTestId('tandai').count()).toBe(0);
    for (const tab of ['apel', 'izin', 'kesiapan', 'rekap', 'tautan', 'survei', 'tpp']) {
      const box = await page.getByTestId(`tab-${tab}`).boundingBox();
      expect(box!.x, tab).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, tab).toBeLessThanOrEqual(360);
    }
    await page.screenshot({ path: '.bench/pimpinan-360-tabs.png' });
    // No apel of December has closed yet: the TPP month says so instead of an empty table.
    await page.getByTestId('tab-tpp').click();
    expect(await page.getByTestId('tpp-kosong').textContent()).toBe('Belum ada apel yang ditutup pada bulan ini.');
    await page.context().close();
  });

  it('clears the last "tercatat" message once the next excuse is being filled in', async () => {
    const page = await headPage('izin');
    await page.getByTestId('izin-asn').selectOption(staff()[1]!.nip);
    await page.getByRole('radio', { name: 'Sakit' }).check();
    await page.getByTestId('izin-simpan').click();
    await page.getByTestId('izin-message').waitFor();
    expect(await page.getByTestId('izin-message').textContent()).toContain('tercatat');
    await page.getByTestId('izin-asn').selectOption(staff()[2]!.nip);
    await page.getByTestId('izin-message').waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('says on a non-WFA day why a readiness check cannot start, before "Mulai" is pressed', async () => {
    app.setClock('2026-12-01T08:01:30+08:00');
    await app.tickApelClock(); // closes apel pagi a minute after 08.00: its recap is written
    app.setClock('2026-12-02T10:00:00+08:00'); // Wednesday: not a WFA day here
    const page = await headPage('kesiapan');
    const note = page.getByTestId('cek-tidak-bisa');
    await note.waitFor();
    expect(await note.textContent()).toBe('Cek kesiapan hanya dapat dimulai pada hari WFA.');
    expect(await page.getByTestId('cek-mulai').isDisabled()).toBe(true);
    await page.context().close();
  });

  it('tells the head that staff get no "Gabung apel" when neither the OPD nor the regency set a link', async () => {
    const page = await headPage('tautan');
    const pagi = page.getByTestId('tautan-berlaku-pagi');
    await pagi.waitFor();
    expect(await pagi.textContent()).toContain('Kabupaten tidak menetapkan tautan: staf tidak mendapat tombol "Gabung apel"');
    await page.context().close();
  });

  it('says at 360 px that the recap tables scroll sideways', async () => {
    const page = await headPage('rekap');
    await page.getByTestId('rekap-asn').waitFor();
    const hints = page.locator('.scroll-hint');
    expect(await hints.count()).toBe(2);
    expect(await hints.first().isVisible()).toBe(true);
    expect(await hints.first().textContent()).toContain('Geser tabel ke samping');
    // The tables scroll inside their cards; the page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: '.bench/pimpinan-360-rekap.png', fullPage: true });
    await page.context().close();
  });
});
