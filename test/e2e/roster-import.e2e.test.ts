import { mkdirSync } from 'node:fs';
import { utils, write } from '@e965/xlsx';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium } from '../support/browser';
import type { DemoApp } from '../support/demo-app';
import { startDemoApp } from '../support/demo-app';
import type { SiasnPerson } from '../support/siasn';
import { asSiasn, demoAsn, demoOpdNames, SIASN_COLUMNS, siasnCells } from '../support/siasn';

/** A member of the sampled demo roster (bkpsdm) made admin for this test. */
const ADMIN_NIP = '198911082023091006';
/** Wednesday 2 December 2026, 10:00 WITA. */
const CLOCK = '2026-12-02T10:00:00+08:00';
/** How this SIASN export names BPBD: not the console's name, so the admin maps it once. */
const UNIT = 'BADAN PENANGGULANGAN BENCANA DAERAH KAB. BOLSEL';
/** The name column under a header no rule knows, so the admin chooses it. */
const NAME_HEADER = 'NAMA TANPA GELAR';
const HIRE: SiasnPerson = { nip: '199402022022031002', nama: 'Ir. Fadli Mokodongan, M.T', jabatan: 'Analis Kebencanaan', status: 'PNS', noHp: '085211112222', satker: UNIT };

/** A SIASN export as .xlsx written by SheetJS: a title row above the header, BPBD's sampled staff and one new hire. */
function siasnXlsx(): Buffer {
  const names = demoOpdNames();
  const bpbd = demoAsn().filter((a) => a.opd === 'bpbd').slice(0, 2);
  const people = [...bpbd.map((a) => asSiasn(a, names, { satker: UNIT })), HIRE];
  const header = SIASN_COLUMNS.map((c) => (c === 'NAMA' ? NAME_HEADER : c));
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet([['DATA ASN BPBD PER 1 DESEMBER 2026'], header, ...people.map(siasnCells)]), 'Data PNS');
  return Buffer.from(write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
}

describe.runIf(browserAvailable())('the admin imports a SIASN spreadsheet from the console (Chromium, 1280 px)', { timeout: 90_000 }, () => {
  let browser: Browser;
  let app: DemoApp;
  let page: Page;
  let cspErrors: string[];

  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    app = await startDemoApp({ perOpd: 2, clock: CLOCK, roles: { [ADMIN_NIP]: 'admin' } });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', acceptDownloads: true })).newPage();
    cspErrors = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
  });
  afterEach(async () => {
    await page?.context().close();
    await app?.stop();
    // SheetJS runs under the console's strict Content-Security-Policy without a violation.
    expect(cspErrors).toEqual([]);
  });

  it('uploads the .xlsx, maps a column and an OPD, previews, saves, and issues the new ASN their links', async () => {
    const link = app.links.find((l) => l.nip === ADMIN_NIP)!;
    await page.goto(link.tautan.replace('/#t=', '/admin#t='));
    await page.getByTestId('admin-who').waitFor();
    await page.getByRole('navigation', { name: 'Menu konsol admin' }).getByRole('link', { name: 'Daftar pegawai' }).click();

    // The spreadsheet reader is fetched only now.
    const chunk = page.waitForRequest((r) => /\/assets\/spreadsheet-.*\.js$/.test(r.url()));
    await page.getByTestId('roster-file').setInputFiles({
      name: 'Data PNS 1 Desember 2026.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: siasnXlsx(),
    });
    await chunk;

    // The name header is unknown: the preview lists the headers and asks for the name column.
    const columns = page.getByTestId('column-mapping');
    await columns.waitFor();
    expect(await columns.textContent()).toContain('pilih kolom untuk Nama');
    expect(await columns.textContent()).toContain(NAME_HEADER);
    expect(await page.getByTestId('map-nip').inputValue()).toBe('NIP BARU');
    expect(await page.getByTestId('map-opd').inputValue()).toBe('SATUAN KERJA KERJA NAMA');
    expect(await page.getByTestId('roster-save').isDisabled()).toBe(true);
    await page.getByTestId('map-nama').selectOption(NAME_HEADER);

    // BPBD's SIASN name is not the console's: its three rows are held back until mapped.
    const units = page.getByTestId('unit-mapping');
    await units.getByTestId('units-held').waitFor();
    expect(await units.getByTestId('units-held').textContent()).toContain('3 baris ditahan');
    await units.locator(`tr[data-unit="${UNIT}"] select`).selectOption('bpbd');
    await units.getByTestId('units-held').waitFor({ state: 'detached' });
    expect(await units.locator(`tr[data-unit="${UNIT}"]`).textContent()).toContain('pilihan Anda');
    await page.screenshot({ path: 'test-results/roster-import-siasn-1280.png', fullPage: true });

    // Everyone outside BPBD is proposed as missing, with counts per OPD; the filter shows one OPD.
    const missing = page.getByTestId('roster-missing');
    const others = app.links.filter((l) => l.opd !== 'bpbd');
    expect(await missing.locator('tbody tr').count()).toBe(others.length);
    const dishubCount = others.filter((l) => l.opd === 'dishub').length;
    expect(await page.getByTestId('missing-opd').locator('option', { hasText: `Dinas Perhubungan (${dishubCount})` }).count()).toBe(1);
    await page.getByTestId('missing-opd').selectOption('dishub');
    expect(await missing.locator('tbody tr').count()).toBe(dishubCount);
    expect(await missing.locator('tbody input:checked').count()).toBe(0);

    await page.getByTestId('roster-save').click();
    const done = page.getByTestId('roster-import').getByTestId('done').first();
    await done.waitFor();
    expect(await done.textContent()).toMatch(/1 ASN baru, 0 berubah.*0 dinonaktifkan.*1 ASN baru belum punya tautan pribadi/);

    await page.getByTestId('issue-new-links').click();
    const issued = page.getByTestId('issued');
    await issued.waitFor();
    const rows = issued.getByTestId('issued-table').locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const row = issued.locator(`tr[data-nip="${HIRE.nip}"]`);
    // GELAR DEPAN + NAMA (in capitals, as SIASN often writes it) + GELAR BELAKANG.
    expect(await row.textContent()).toContain('Ir. FADLI MOKODONGAN, M.T');
    expect(await row.getByTestId('issued-url').textContent()).toMatch(new RegExp(`^${app.url}/#t=[\\w-]{43}$`));
  });
});
