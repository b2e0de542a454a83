import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../functions/local/app';
import { browserAvailable, launchChromium } from '../support/browser';
import { allItems } from '../support/db';
import { startDemoApp } from '../support/demo-app';
import { WEEKDAYS } from '../../functions/core/config';
import { localDate, weekdayOf } from '../../functions/core/time';

describe.runIf(browserAvailable())('an ASN checks in from their personal link (Chromium, 360 px)', () => {
  let app: RunningApp;
  let browser: Browser;

  const MEET = 'https://meet.google.com/abc-defg-hij';

  beforeAll(async () => {
    // A uniform every day (so the check-in asks about it whatever day the test runs) and the regency's meeting link.
    app = await startDemoApp(4, 30, {
      seragam: Object.fromEntries(WEEKDAYS.map((d) => [d, 'Batik'])),
      tautanApel: { pagi: MEET, sore: MEET },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('opens a printed link, taps the button and sees HADIR with the server time', async () => {
    const link = app.links.find((l) => l.peran === 'asn' && l.opd === 'setda')!;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    const page = await context.newPage();

    await page.goto(link.tautan);
    await expect.poll(() => page.getByTestId('profile').textContent()).toContain(link.nama);
    expect(page.url()).not.toContain('#t='); // the token leaves the address bar
    await page.getByRole('button', { name: 'Hadir di Apel Demo' }).click();

    const result = page.getByTestId('checkin-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('hadir');
    expect(await result.textContent()).toMatch(/HADIR.*Tercatat pukul \d\d\.\d\d\.\d\d WITA/);
    // The week list catches up from the server after the check-in.
    await expect.poll(() => page.getByTestId(`week-${app.demo!.id}`).textContent()).toContain('Hadir');
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/e2e-hadir-360.png', fullPage: true });

    const stored = (await allItems('checkins')).filter((c) => c.nip === link.nip);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ sesiId: app.demo!.id, status: 'hadir', opd: 'setda' });

    // Reopening the page (token kept on the phone) shows the same result, not a second button.
    await page.reload();
    await page.getByTestId('checkin-result').waitFor();
    expect(await page.getByRole('button', { name: 'Hadir di Apel Demo' }).count()).toBe(0);
    await context.close();
  });

  it("states today's work plan and the uniform with the check-in, then offers the apel's meeting", async () => {
    const link = app.links.filter((l) => l.peran === 'asn' && l.opd === 'setda')[1]!;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(link.tautan);

    await page.getByTestId('laporan').fill('  Menyusun   laporan kinerja triwulan ');
    expect(await page.getByText('Saya memakai Batik').count()).toBe(1);
    await page.getByTestId('seragam').check();
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/e2e-checkin-fields-360.png', fullPage: true });
    await page.getByTestId('checkin-button').click();
    await page.getByTestId('checkin-result').waitFor();

    const gabung = page.getByTestId('gabung-apel');
    expect(await gabung.getAttribute('href')).toBe(MEET);
    expect(await gabung.getAttribute('target')).toBe('_blank');
    expect(await gabung.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await page.getByTestId('laporan-sent').textContent()).toContain('Menyusun laporan kinerja triwulan');
    const stored = (await allItems('checkins')).find((c) => c.nip === link.nip);
    expect(stored).toMatchObject({ laporan: 'Menyusun laporan kinerja triwulan', seragam: true });
    await page.screenshot({ path: 'test-results/e2e-checkin-gabung-360.png', fullPage: true });
    await context.close();
  });

  it('on a flaky network, says it is sending, retries, and records the check-in once', async () => {
    const link = app.links.find((l) => l.peran === 'asn' && l.opd === 'bpbd')!;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    let attempts = 0;
    // The first request reaches the server and is recorded, but its answer is lost on the way back.
    await page.route('**/api/checkins', async (route) => {
      attempts++;
      if (attempts === 1) {
        await route.fetch();
        await new Promise((r) => setTimeout(r, 700));
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await page.goto(link.tautan);
    const button = page.getByTestId('checkin-button');
    await button.waitFor();

    await button.click();
    await expect.poll(() => button.textContent()).toContain('Mengirim');
    expect(await button.isDisabled()).toBe(true);

    const result = page.getByTestId('checkin-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getAttribute('data-status')).toBe('hadir');
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect((await allItems('checkins')).filter((c) => c.nip === link.nip)).toHaveLength(1);
    await context.close();
  });

  it('tells staff of an exempt OPD that they work from the office', async () => {
    const link = app.links.find((l) => l.opd === 'dinkes');
    expect(link).toBeDefined();
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(link!.tautan);
    await page.getByTestId('wfo-notice').waitFor();
    expect(await page.getByTestId('wfo-notice').textContent()).toMatch(/bekerja dari kantor/);
    await context.close();
  });
});

describe.runIf(browserAvailable())('a day without apel (Chromium, 360 px)', () => {
  let app: RunningApp;
  let browser: Browser;
  const today = weekdayOf(localDate(new Date(), 'Asia/Makassar'));
  const tomorrow = WEEKDAYS[(WEEKDAYS.indexOf(today) + 1) % 7]!;

  beforeAll(async () => {
    // Apel only tomorrow, and no demo sesi: today has nothing to check in to.
    app = await startDemoApp(1, 0, { wfaDays: [tomorrow] });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('says there is no apel today and counts down to the next one', async () => {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    await page.goto(app.links[0]!.tautan);

    await page.getByTestId('next-sesi').waitFor();
    expect(await page.getByTestId('no-sesi').textContent()).toContain('Tidak ada apel hari ini');
    expect(await page.getByTestId('next-sesi').textContent()).toContain('Apel Pagi');
    const countdown = page.getByTestId('next-sesi').getByRole('timer');
    expect(await countdown.getAttribute('aria-label')).toMatch(/^Dibuka dalam \d+ (jam|menit)/);
    expect(await page.getByRole('button', { name: /^Hadir di/ }).count()).toBe(0);
  });
});
