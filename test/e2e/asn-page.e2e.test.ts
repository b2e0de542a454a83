import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium } from '../support/browser';
import type { DemoApp, DemoLink } from '../support/demo-app';
import { callApi, startDemoApp } from '../support/demo-app';

/**
 * What an ASN sees on their own page (issue 14): the excuse a head recorded, the uniform they
 * confirmed and the head's "tidak patuh" mark, their history of past months, and help. Each test
 * works with ASN of an OPD of its own. Screenshots at 360 px go to .bench/ (git-ignored).
 */
describe.runIf(browserAvailable())("the ASN's own page at 360 px (Chromium)", () => {
  let app: DemoApp;
  let browser: Browser;
  const headOf = (opd: string) => {
    const found = app.links.find((l) => l.peran === 'pimpinan' && l.opd === opd);
    if (!found) throw new Error(`no head of ${opd} in the demo roster`);
    return found;
  };
  const staffOf = (opd: string) => app.links.filter((l) => l.peran === 'asn' && l.opd === opd);
  const HISTORY_OPD = 'inspektorat';
  const TODAY_PAGI = '2026-12-02.pagi';

  async function phone(link: DemoLink): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(link.tautan);
    await page.getByTestId('sesi').waitFor();
    return page;
  }

  beforeAll(async () => {
    // Tuesday 1 December 2026 (apel pagi 07:00–07:30–08:00 WITA): one ASN of bapperida checks in at
    // 07:45:10, the other two do not; the apel closes. Then Wednesday 2 December (a WFA day here, with
    // a uniform), 07:05 WITA: apel pagi is open for the tests.
    app = await startDemoApp({
      perOpd: 4,
      clock: '2026-12-01T07:00:30+08:00',
      demoMinutes: 0,
      config: { wfaDays: ['selasa', 'rabu'], seragam: { selasa: 'Batik', rabu: 'PDH khaki' }, tautanApel: {} },
    });
    await app.tickApelClock();
    app.setClock('2026-12-01T07:45:10+08:00');
    const late = await callApi(app, staffOf(HISTORY_OPD)[0]!, 'POST', '/api/checkins', { sesiId: '2026-12-01.pagi' });
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    app.setClock('2026-12-01T08:00:30+08:00');
    await app.tickApelClock();
    app.setClock('2026-12-02T07:05:00+08:00');
    await app.tickApelClock();
    browser = await launchChromium();
    mkdirSync('.bench', { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows an excuse the head recorded (kind, dates, who by name) and still lets the ASN check in as hadir', async () => {
    const head = headOf('setda');
    const asn = staffOf('setda')[0]!;
    const recorded = await callApi(app, head, 'POST', '/api/opd/setda/izin', {
      nip: asn.nip,
      jenis: 'sakit',
      dari: '2026-12-01',
      sampai: '2026-12-03',
      catatan: 'Surat dokter menyusul',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);

    const page = await phone(asn);
    const card = page.getByTestId('izin');
    expect(await card.getAttribute('data-jenis')).toBe('sakit');
    const text = await card.textContent();
    expect(text).toContain('Sakit');
    expect(text).toContain('(hari ini)');
    expect(text).toContain(`Dicatat oleh ${head.nama}: Surat dokter menyusul`);
    await page.screenshot({ path: '.bench/asn-360-izin.png', fullPage: true });

    await page.getByTestId('seragam').check();
    await page.getByTestId('checkin-button').click();
    await page.getByTestId('checkin-result').waitFor();
    expect(await page.getByTestId('checkin-result').getAttribute('data-status')).toBe('hadir');
    await page.context().close();
  });

  it("echoes the uniform confirmation and shows the head's tidak-patuh mark with its note", async () => {
    const head = headOf('setwan');
    const asn = staffOf('setwan')[0]!;
    expect((await callApi(app, asn, 'POST', '/api/checkins', { sesiId: TODAY_PAGI, seragam: true })).status).toBe(201);

    let page = await phone(asn);
    expect(await page.getByTestId('seragam-sent').textContent()).toBe('Seragam: Anda menyatakan memakai PDH khaki');
    expect(await page.getByTestId('tidak-patuh').count()).toBe(0);
    await page.context().close();

    const marked = await callApi(app, head, 'PUT', `/api/opd/setwan/seragam/${TODAY_PAGI}/${asn.nip}`, { patuh: false, catatan: 'Memakai kemeja bebas' });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    page = await phone(asn);
    expect(await page.getByTestId('tidak-patuh').textContent()).toBe('Pimpinan menandai seragam Anda tidak sesuai: Memakai kemeja bebas');
    expect(await page.getByTestId('week-tidak-patuh').textContent()).toContain('seragam tidak sesuai');
    await page.screenshot({ path: '.bench/asn-360-seragam.png', fullPage: true });
    await page.context().close();
  });

  it('shows past apel with code and minutes late, month by month, loaded only when asked for', async () => {
    const asn = staffOf(HISTORY_OPD)[0]!;
    const page = await phone(asn);
    // The history's code is in the extras chunk, outside the check-in page (test/web/bundle.test.ts);
    // its data is fetched only when the ASN asks for it.
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    expect(requests.some((p) => p.startsWith('/api/me/riwayat'))).toBe(false);
    await page.getByTestId('buka-riwayat').click();
    const row = page.getByTestId('riwayat-2026-12-01.pagi');
    await row.waitFor();
    expect(requests.some((p) => p.startsWith('/api/me/riwayat'))).toBe(true);
    expect(await page.getByTestId('bulan').textContent()).toBe('Desember 2026');
    expect(await row.textContent()).toContain('Apel Pagi · 15 menit');
    expect(await row.textContent()).toContain('TL');
    expect(await page.getByTestId('riwayat-jumlah').textContent()).toBe('TL 1 · terlambat 15 menit');
    await page.screenshot({ path: '.bench/asn-360-riwayat.png', fullPage: true });

    await page.getByTestId('bulan-sebelum').click();
    await expect.poll(() => page.getByTestId('bulan').textContent()).toBe('November 2026');
    await page.getByText('Tidak ada apel yang sudah ditutup pada bulan ini.').waitFor();

    const absent = await phone(staffOf(HISTORY_OPD)[1]!);
    await absent.getByTestId('buka-riwayat').click();
    expect(await absent.getByTestId('riwayat-2026-12-01.pagi').textContent()).toContain('TK');
    await absent.context().close();
    await page.context().close();
  });

  it("offers help: what to do when late or absent, the regency's helpdesk on WhatsApp, the codes", async () => {
    const page = await phone(staffOf('setda')[1]!);
    await page.getByTestId('buka-bantuan').click();
    const help = page.getByTestId('bantuan');
    await help.waitFor();
    expect(await help.textContent()).toContain('Terlambat');
    expect(await help.textContent()).toContain('TKTidak hadir tanpa keterangan');
    const contact = page.getByTestId('bantuan-kontak');
    expect(await contact.textContent()).toContain('Helpdesk BKPSDM');
    expect(await contact.getByRole('link').getAttribute('href')).toBe('https://wa.me/6281234567890');
    await page.screenshot({ path: '.bench/asn-360-bantuan.png', fullPage: true });
    await page.context().close();
  });

  // Last: it moves the clock past the on-time minute of today's apel pagi.
  it('lets a late ASN leave a short reason that the head sees in the roll and the recap', { timeout: 90_000 }, async () => {
    const asn = staffOf('setda')[2]!;
    app.setClock('2026-12-02T07:40:00+08:00');
    const page = await phone(asn);
    await page.getByTestId('checkin-button').click();
    await page.getByTestId('checkin-result').waitFor();
    expect(await page.getByTestId('checkin-result').getAttribute('data-status')).toBe('terlambat');
    const card = page.getByTestId('alasan-terlambat');
    await card.waitFor();
    await card.getByTestId('alasan').fill('Ban motor bocor di jalan');
    await card.getByTestId('kirim-alasan').click();
    await card.getByTestId('alasan-terkirim').waitFor();
    expect(await card.getByTestId('alasan-terkirim').textContent()).toContain('Terkirim kepada pimpinan: Ban motor bocor di jalan');
    await page.screenshot({ path: '.bench/asn-360-alasan.png', fullPage: true });
    await page.context().close();

    const head = await phone(headOf('setda'));
    await head.getByTestId('head-link').click();
    const row = head.getByTestId(`row-${asn.nip}`);
    await row.waitFor();
    expect(await row.getByTestId('alasan-terlambat').textContent()).toBe('Alasan terlambat: Ban motor bocor di jalan');
    await row.screenshot({ path: '.bench/pimpinan-360-alasan.png' });

    // After the close, the recap lists it (and marks the TL with *).
    app.setClock('2026-12-02T08:01:30+08:00');
    await app.tickApelClock();
    await head.getByTestId('tab-rekap').click();
    const reasons = head.getByTestId('rekap-alasan');
    await reasons.waitFor();
    expect(await reasons.textContent()).toContain(`${asn.nama} · Rab, 2 Des Pagi: Ban motor bocor di jalan`);
    await reasons.screenshot({ path: '.bench/pimpinan-360-rekap-alasan.png' });
    await head.context().close();
  });
});
