import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium } from '../support/browser';
import type { DemoApp, DemoLink } from '../support/demo-app';
import { callApi, startDemoApp } from '../support/demo-app';

/** The roll asks again this often in this test (the server decides; 15 s by default). */
const REFRESH_SECONDS = 2;

/**
 * Each test works in an OPD of its own (every demo OPD has a head), so what one test records
 * (a check-in, an excuse, a readiness check) is never what another one counts.
 */
describe.runIf(browserAvailable())('an OPD head watches the live roll (Chromium, 1280 px and 360 px)', () => {
  let app: DemoApp;
  let browser: Browser;
  const link = (pred: (l: DemoLink) => boolean) => {
    const found = app.links.find(pred);
    if (!found) throw new Error('no such link in the demo roster');
    return found;
  };
  const headOf = (opd: string) => link((l) => l.peran === 'pimpinan' && l.opd === opd);
  const staffOf = (opd: string) => app.links.filter((l) => l.peran === 'asn' && l.opd === opd);

  /** The head's page, opened from their link's check-in page; `rollAnswers` are the statuses of its roll requests. */
  async function openHeadPage(opd: string): Promise<{ page: Page; rollAnswers: number[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    const rollAnswers: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes(`/api/opd/${opd}/apel`)) rollAnswers.push(r.status());
    });
    await page.goto(headOf(opd).tautan);
    await page.getByTestId('head-link').click();
    await page.getByTestId('roll-table').waitFor();
    return { page, rollAnswers };
  }

  beforeAll(async () => {
    process.env.APEL_ROLL_REFRESH_SECONDS = String(REFRESH_SECONDS);
    // Wednesday 2 December 2026, 10:00 WITA, with the demo apel open. That Wednesday is a WFA day
    // with a uniform, and its working hours (apel pagi's opening to apel sore's closing) span
    // the day, so a readiness check may start while only the demo apel is open.
    app = await startDemoApp({
      perOpd: 5,
      clock: '2026-12-02T10:00:00+08:00',
      config: {
        wfaDays: ['rabu'],
        seragam: { rabu: 'PDH khaki' },
        slots: {
          pagi: { opens: '00:00', onTimeUntil: '00:01', closes: '00:02' },
          sore: { opens: '23:50', onTimeUntil: '23:55', closes: '23:58' },
        },
      },
    });
    browser = await launchChromium();
    mkdirSync('test-results', { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('opens the head page from the check-in page and shows every expected ASN with counts', async () => {
    const { page } = await openHeadPage('setda');

    expect(new URL(page.url()).pathname).toBe('/pimpinan');
    expect(await page.getByTestId('roll-head').textContent()).toContain('Apel Percobaan');
    const staff = app.links.filter((l) => l.opd === 'setda');
    for (const s of staff) expect(await page.getByTestId(`row-${s.nip}`).count()).toBe(1);
    expect(await page.getByTestId('count-belum_hadir').textContent()).toContain(String(staff.length));
    expect(await page.getByTestId('roll-updated').textContent()).toMatch(/Diperbarui 10\.\d\d\.\d\d WITA/);
    await page.context().close();
  });

  it("shows an ASN who checks in on their own phone as hadir within one refresh, with their work plan and uniform", async () => {
    const head = await openHeadPage('setwan');
    const asn = staffOf('setwan')[0]!;
    const row = head.page.getByTestId(`row-${asn.nip}`);
    expect(await row.getAttribute('data-status')).toBe('belum_hadir');
    // Marks this page: a reload would lose it, so the roll must update in place.
    await head.page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    const asnPage = await phone.newPage();
    const downloaded: string[] = [];
    asnPage.on('request', (r) => downloaded.push(r.url()));
    await asnPage.goto(asn.tautan);
    await asnPage.getByTestId('laporan').fill('Menyusun telaahan staf');
    await asnPage.getByTestId('seragam').check();
    await asnPage.getByTestId('checkin-button').click();
    await asnPage.getByTestId('checkin-result').waitFor();
    // What an ASN downloads holds nothing of the head's page.
    expect(downloaded.filter((u) => /pimpinan/i.test(u))).toEqual([]);
    expect(await asnPage.getByTestId('head-link').count()).toBe(0);

    // Within one refresh (and a margin for a busy machine), without a reload.
    await expect.poll(() => row.getAttribute('data-status'), { timeout: (REFRESH_SECONDS + 3) * 1000, interval: 200 }).toBe('hadir');
    expect(await row.textContent()).toMatch(/Hadir10\.\d\d WITA/);
    expect(await row.textContent()).toContain('Menyusun telaahan staf');
    expect(await row.textContent()).toContain('Memakai PDH khaki');
    expect(await head.page.getByTestId('count-hadir').textContent()).toMatch(/^1Hadir/);
    expect(await head.page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    // Unchanged polls cost a 304 without a body: the next poll after the update finds nothing new.
    await expect.poll(() => head.rollAnswers.includes(304), { timeout: (REFRESH_SECONDS + 5) * 1000, interval: 200 }).toBe(true);
    await head.page.screenshot({ path: 'test-results/e2e-pimpinan-1280.png', fullPage: true });
    await phone.close();
    await head.page.context().close();
  });

  it('marks the uniform of a checked-in ASN as not compliant, with a note, and removes the mark', async () => {
    const asn = staffOf('inspektorat')[0]!;
    const checkin = await callApi(app, asn, 'POST', '/api/checkins', { sesiId: app.demo!.id, seragam: true });
    expect(checkin.status, JSON.stringify(checkin.body)).toBe(201);
    const { page } = await openHeadPage('inspektorat');
    const row = page.getByTestId(`row-${asn.nip}`);
    expect(await row.textContent()).toContain('Memakai PDH khaki');

    await row.getByTestId('tandai').click();
    await row.getByTestId('catatan-seragam').fill('Memakai kemeja bebas');
    await row.getByRole('button', { name: 'Simpan tanda' }).click();
    await row.getByTestId('tidak-patuh').waitFor();
    expect(await row.getByTestId('tidak-patuh').textContent()).toBe('Tidak patuh: Memakai kemeja bebas');

    await row.getByTestId('hapus-tanda').click();
    await row.getByTestId('tidak-patuh').waitFor({ state: 'detached' });
    expect(await row.textContent()).toContain('Memakai PDH khaki');
    await page.context().close();
  });

  it('records an excuse for an ASN from the roll, shows it there, and withdraws it', async () => {
    const other = staffOf('bappelitbangda')[1]!;
    const { page } = await openHeadPage('bappelitbangda');
    const row = page.getByTestId(`row-${other.nip}`);
    expect(await row.getAttribute('data-status')).toBe('belum_hadir');

    await row.getByTestId('catat-izin').click();
    expect(await page.getByTestId('izin-asn').inputValue()).toBe(other.nip);
    await page.getByRole('radio', { name: 'Sakit' }).check();
    await page.getByTestId('izin-catatan').fill('Demam, surat dokter menyusul');
    await page.getByTestId('izin-simpan').click();
    expect(await page.getByTestId('izin-message').textContent()).toBe(`Sakit untuk ${other.nama} tercatat.`);
    const item = page.getByTestId(`izin-${other.nip}`);
    await item.waitFor();
    expect(await item.textContent()).toContain('Demam, surat dokter menyusul');

    await page.getByTestId('tab-apel').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('sakit');
    expect(await row.textContent()).toContain('Sakit');
    expect(await page.getByTestId('count-izin').textContent()).toMatch(/^1Izin/);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: 'test-results/e2e-pimpinan-360.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByTestId('tab-izin').click();
    await item.getByTestId('izin-tarik').click();
    await item.getByTestId('izin-tarik-ya').click();
    await expect.poll(() => item.getAttribute('class')).toContain('is-withdrawn');
    await page.getByTestId('tab-apel').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('belum_hadir');
    await page.context().close();
  });

  it('starts a readiness check that an ASN answers on their page; the head sees who answered and when', async () => {
    const { page } = await openHeadPage('bpkpd');
    const asn = staffOf('bpkpd')[2]!;
    await page.getByTestId('tab-kesiapan').click();
    await page.getByTestId('cek-menit').fill('5');
    await page.getByTestId('cek-pesan').fill('Mohon konfirmasi siap bekerja.');
    await page.getByTestId('cek-mulai').click();
    const running = page.getByTestId('cek-running');
    await running.waitFor();
    expect(await running.textContent()).toMatch(/0 dari \d+ siap/);

    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    const asnPage = await phone.newPage();
    await asnPage.goto(asn.tautan);
    const card = asnPage.getByTestId('kesiapan');
    await card.waitFor();
    expect(await card.textContent()).toContain('Mohon konfirmasi siap bekerja.');
    expect(await card.getByRole('timer').getAttribute('aria-label')).toMatch(/^Jawab dalam [45] menit/);
    await asnPage.screenshot({ path: 'test-results/e2e-asn-kesiapan-360.png', fullPage: true });
    await card.getByTestId('kesiapan-siap').click();
    await card.getByTestId('kesiapan-done').waitFor();
    expect(await card.getByTestId('kesiapan-done').textContent()).toMatch(/Anda menjawab siap pukul 10\.\d\d\.\d\d WITA/);
    await phone.close();

    // The running check's answers come in by themselves.
    await expect.poll(() => running.textContent(), { timeout: 15_000 }).toMatch(/1 dari \d+ siap/);
    const answered = running.getByTestId('cek-jawaban');
    expect(await answered.textContent()).toContain(asn.nama);
    expect(await answered.textContent()).toMatch(/\d\d\.\d\d\.\d\d/);
    expect(await running.getByTestId('cek-belum').textContent()).not.toContain(asn.nama);
    await page.context().close();
  });

  it("downloads the recap as the server's CSV file, fetched with the link's token", async () => {
    const { page } = await openHeadPage('setda');
    await page.getByTestId('tab-rekap').click();
    await page.getByTestId('rekap-tampil').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rekap-csv').click()]);
    // The range ends on the server's today, whatever day the machine thinks it is.
    expect(download.suggestedFilename()).toMatch(/^rekap-apel-setda-\d{4}-\d\d-\d\d-2026-12-02\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    // UTF-8 with a BOM, `;` between fields (quoted or not: core/csv-writer.ts quotes every field).
    expect(text).toMatch(/^\uFEFF"?NIP"?;"?Nama"?;"?Jabatan"?;/);
    await page.context().close();
  });

  it("shows the OPD's own meeting link in the form, and saves a change to it", async () => {
    const { page } = await openHeadPage('pupr');
    await page.getByTestId('tab-tautan').click();
    const pagi = page.getByTestId('tautan-pagi');
    await expect.poll(() => page.getByTestId('tautan-simpan').isEnabled()).toBe(true);
    await pagi.fill('https://meet.google.com/abc-defg-hij');
    await page.getByTestId('tautan-simpan').click();
    await page.getByText('Tautan apel tersimpan.').waitFor();
    // Opened again, the form starts from what is stored.
    await page.reload();
    await page.getByTestId('tab-tautan').click();
    await expect.poll(() => pagi.inputValue()).toBe('https://meet.google.com/abc-defg-hij');
    await page.context().close();
  });

  it('tells an ASN without a head role that the page is not theirs', async () => {
    const asn = link((l) => l.peran === 'asn' && l.opd === 'bpbd');
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(asn.tautan);
    await page.getByTestId('profile').waitFor();
    await page.goto(new URL('/pimpinan', app.url).toString());
    await page.getByTestId('head-notice').waitFor();
    expect(await page.getByTestId('head-notice').textContent()).toMatch(/pimpinan/i);
    await context.close();
  });
});
