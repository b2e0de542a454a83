import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium } from '../support/browser';
import { allItems } from '../support/db';
import type { DemoApp } from '../support/demo-app';
import { startDemoApp } from '../support/demo-app';

/** Wednesday 2 December 2026, 10:00 WITA: no real apel that day, so only the demo sesi is open. */
const WEDNESDAY_MORNING = '2026-12-02T10:00:00+08:00';

describe.runIf(browserAvailable())('an ASN checks in from their personal link (Chromium, 360 px)', () => {
  let app: DemoApp;
  let browser: Browser;

  const MEET = 'https://meet.google.com/abc-defg-hij';

  beforeAll(async () => {
    // The server's clock is a Wednesday morning with the demo sesi open for 30 minutes; that
    // Wednesday's uniform (so the check-in asks about it) and the regency's meeting link.
    app = await startDemoApp({
      perOpd: 4,
      clock: WEDNESDAY_MORNING,
      config: { seragam: { rabu: 'Batik' }, tautanApel: { pagi: MEET, sore: MEET } },
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
    await page.getByRole('button', { name: 'Hadir di Apel Percobaan' }).click();

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
    expect(await page.getByRole('button', { name: 'Hadir di Apel Percobaan' }).count()).toBe(0);
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

/**
 * The same page on four days, by the server's clock (the page takes "now" from the server):
 * during Monday's apel pagi, on a Wednesday, late on a Saturday, and on a holiday Monday.
 * The regency's own config (apel on Monday and Tuesday), no demo sesi; each day its own app,
 * and the apel clock ticks once at that minute, as the scheduler would.
 */
describe.runIf(browserAvailable())('the ASN page on the day it is (Chromium, 360 px)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  /** An app whose server clock starts at `at`; the test sets the clock to `at` again just before it looks. */
  function onDay(at: string) {
    const day = {} as { app: DemoApp; asn: DemoApp['links'][number]; open(): Promise<Page>; openedSesi(): Promise<string[]> };
    beforeAll(async () => {
      day.app = await startDemoApp({ perOpd: 2, demoMinutes: 0, clock: at });
      day.asn = day.app.links.find((l) => l.peran === 'asn' && l.opd === 'setda')!;
    });
    afterAll(() => day.app?.stop());
    day.open = async () => {
      day.app.setClock(at);
      await day.app.tickApelClock();
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
      const page = await context.newPage();
      await page.goto(day.asn.tautan);
      await page.getByTestId('profile').waitFor();
      return page;
    };
    day.openedSesi = async () => (await allItems('sessions')).filter((i) => i.sk === 'SESI').map((i) => `${i.id} ${i.state}`);
    return day;
  }

  describe('Monday 30 November 2026, 07:15 WITA', () => {
    const day = onDay('2026-11-30T07:15:00+08:00');

    it('shows apel pagi open, on time until 07.30, asks about Monday\'s uniform, and records HADIR', async () => {
      const page = await day.open();

      expect(await day.openedSesi()).toEqual(['2026-11-30.pagi dibuka']);
      const sesi = page.getByTestId('sesi');
      expect(await sesi.getAttribute('data-sesi-id')).toBe('2026-11-30.pagi');
      expect(await sesi.textContent()).toContain('Apel Pagi');
      expect(await sesi.textContent()).toContain('Sedang dibuka');
      expect(await sesi.textContent()).toContain('Senin, 30 November 2026');
      // 45 minutes to its close at 08:00 at 07:15 sharp, 44 and some seconds a moment later.
      expect(await sesi.getByRole('timer').getAttribute('aria-label')).toMatch(/^Ditutup dalam 4[45] menit$/);
      expect(await page.getByTestId('on-time-note').textContent()).toBe('Tepat waktu sampai 07.30 WITA');
      expect(await page.getByText('Saya memakai PDH khaki').count()).toBe(1);
      expect(await page.getByTestId('no-sesi').count()).toBe(0);

      await page.getByRole('button', { name: 'Hadir di Apel Pagi' }).click();
      const result = page.getByTestId('checkin-result');
      await result.waitFor();
      expect(await result.getAttribute('data-status')).toBe('hadir');
      expect(await result.textContent()).toMatch(/Tercatat pukul 07\.15\.\d\d WITA/);
      expect((await allItems('checkins')).filter((c) => c.nip === day.asn.nip)).toEqual([
        expect.objectContaining({ sesiId: '2026-11-30.pagi', status: 'hadir' }),
      ]);
      await page.context().close();
    });
  });

  describe('Wednesday 2 December 2026, 12:00 WITA', () => {
    const day = onDay('2026-12-02T12:00:00+08:00');

    it('says there is no apel today and counts down the days to Monday\'s apel pagi', async () => {
      const page = await day.open();

      expect(await day.openedSesi()).toEqual([]);
      await page.getByTestId('next-sesi').waitFor();
      expect(await page.getByTestId('no-sesi').textContent()).toContain('Tidak ada apel hari ini');
      expect(await page.getByTestId('no-sesi').textContent()).not.toMatch(/Libur|Cuti bersama/);
      const next = page.getByTestId('next-sesi');
      expect(await next.textContent()).toContain('Apel Pagi');
      expect(await next.textContent()).toContain('Senin, 7 Desember 2026');
      expect(await next.textContent()).toContain('07.00–08.00 WITA');
      // Monday 07:00 is 4 days 19 hours after 12:00 sharp, and 4 days 18 hours and some minutes a moment later.
      expect(await next.getByRole('timer').getAttribute('aria-label')).toMatch(/^Dibuka dalam 4 hari 1[89] jam$/);
      expect(await page.getByRole('button', { name: /^Hadir di/ }).count()).toBe(0);
      await page.context().close();
    });
  });

  describe('Saturday 5 December 2026, 23:59 WITA', () => {
    const day = onDay('2026-12-05T23:59:00+08:00');

    it('says there is no apel today and counts down a day and some hours to Monday\'s apel pagi', async () => {
      const page = await day.open();

      expect(await day.openedSesi()).toEqual([]);
      await page.getByTestId('next-sesi').waitFor();
      expect(await page.getByTestId('no-sesi').textContent()).toContain('Tidak ada apel hari ini');
      const next = page.getByTestId('next-sesi');
      expect(await next.textContent()).toContain('Apel Pagi');
      expect(await next.textContent()).toContain('Senin, 7 Desember 2026');
      expect(await next.getByRole('timer').getAttribute('aria-label')).toBe('Dibuka dalam 1 hari 7 jam');
      expect(await page.getByRole('button', { name: /^Hadir di/ }).count()).toBe(0);
      await page.context().close();
    });
  });

  describe('Monday 16 February 2026, 07:15 WITA (cuti bersama, Imlek)', () => {
    const day = onDay('2026-02-16T07:15:00+08:00');

    it('opens no apel on the holiday, names it, lists the next day\'s holiday and counts down to the Monday after', async () => {
      const page = await day.open();

      expect(await day.openedSesi()).toEqual([]);
      await page.getByTestId('next-sesi').waitFor();
      const none = page.getByTestId('no-sesi');
      expect(await none.textContent()).toContain('Tidak ada apel hari ini');
      expect(await none.textContent()).toContain('Cuti bersama: Tahun Baru Imlek 2577 Kongzili');
      // Tuesday 17 February is a national holiday too: the next apel is a week away.
      expect(await none.textContent()).toMatch(/Sel, 17 Feb\s*Tahun Baru Imlek 2577 Kongzili\s*\(Libur nasional\)/);
      const next = page.getByTestId('next-sesi');
      expect(await next.textContent()).toContain('Apel Pagi');
      expect(await next.textContent()).toContain('Senin, 23 Februari 2026');
      expect(await next.getByRole('timer').getAttribute('aria-label')).toBe('Dibuka dalam 6 hari 23 jam');
      expect(await page.getByRole('button', { name: /^Hadir di/ }).count()).toBe(0);
      await page.context().close();
    });
  });
});
