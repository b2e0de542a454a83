import { mkdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium } from '../support/browser';
import type { DemoApp } from '../support/demo-app';
import { callApi, startDemoApp } from '../support/demo-app';

/** The overview asks again this often while an apel is open (the server decides; 15 s by default). */
const REFRESH_SECONDS = 2;
/** A member of the sampled demo roster (bkpsdm) made admin for this test. */
const ADMIN_NIP = '198911082023091006';
/** Two new ASN of BPBD in the uploaded file: NIPs written with spaces and with Excel's text apostrophe. */
const BARU = { nip: '199001012020011001', nama: 'Rahmat Mokoginta' };
const BARU2 = { nip: '199203142021022003', nama: 'Sri Wahyuni Damopolii, S.E.' };
/** Wednesday 2 December 2026, 10:00 WITA: no real apel that day, the demo apel open for 30 minutes. */
const CLOCK = '2026-12-02T10:00:00+08:00';

/**
 * HR's export as a spreadsheet on an Indonesian PC saves it: UTF-8 with a BOM, `;` between
 * fields, CRLF, header in capitals, quoted names with commas, stray spaces and capitals,
 * NIPs with spaces or a leading apostrophe, an empty line, and two rows the import must
 * refuse (a NIP mangled to scientific notation, an unknown OPD).
 */
function hrExport(bpbd: DemoRow[]): string {
  const lines = [
    'NIP;Nama;Jabatan;OPD;Status;No_HP;Peran',
    ...bpbd.map((a) => `${a.nip};"${a.nama}";${a.jabatan}; ${a.opd.toUpperCase()} ;${a.status};${a.no_hp};${a.peran}`),
    `19900101 202001 1 001;"  Rahmat   Mokoginta ";Analis Kebencanaan;bpbd;pns;0812-3456-7890;`,
    `'199203142021022003;"Sri Wahyuni Damopolii, S.E.";Pranata Komputer;bpbd;PPPK;+62 813 1111 2222;asn`,
    '',
    '1.98503E+17;Nama Rusak Spreadsheet;Pelaksana;bpbd;PNS;;',
    '199004152015031001;Salah OPD;Pelaksana;dinas-tak-dikenal;PNS;;',
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

type DemoRow = Record<'nip' | 'nama' | 'jabatan' | 'opd' | 'status' | 'no_hp' | 'peran', string>;

/** The demo roster's rows of an OPD that the sampled app imported (the first `n`). */
function demoRows(opd: string, n: number): DemoRow[] {
  const rows = parse(readFileSync(new URL('../../demo-data/asn.csv', import.meta.url), 'utf8'), { columns: true }) as DemoRow[];
  return rows.filter((r) => r.opd === opd).slice(0, n);
}

/**
 * Each test gets a fresh local runtime (roster sample, demo apel open) and a fresh console
 * page, and prepares through the API what its own steps need, so none depends on another.
 * Each step drives a real browser against the whole local stack; a busy CI machine needs the room.
 */
describe.runIf(browserAvailable())('the HR admin runs the regency from the console (Chromium, 1280 px)', { timeout: 60_000 }, () => {
  let browser: Browser;
  let app: DemoApp;
  let admin: { page: Page; overviewAnswers: number[] };
  let cspErrors: string[];

  const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/admin-${name}.png`, fullPage: true });
  const tab = async (name: string) => {
    await admin.page.getByRole('navigation', { name: 'Menu konsol admin' }).getByRole('link', { name }).click();
  };
  const adminLink = () => app.links.find((l) => l.nip === ADMIN_NIP)!;
  const asAdmin = (method: string, path: string, body?: unknown) => callApi(app, adminLink(), method, path, body);
  /** The two new BPBD staff, added by hand as the console's roster form does. */
  const addNewStaff = async () => {
    for (const [a, jabatan, status, noHp] of [
      [BARU, 'Analis Kebencanaan', 'PNS', '0812-3456-7890'],
      [BARU2, 'Pranata Komputer', 'PPPK', '+62 813 1111 2222'],
    ] as const) {
      const res = await asAdmin('POST', '/api/admin/asn', { ...a, jabatan, opd: 'bpbd', status, noHp, peran: 'asn' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  };
  /** New links for BPBD through the API; the personal link of `nip` in the answer. */
  const issueBpbdLinks = async (nip: string) => {
    const res = await asAdmin('POST', '/api/admin/tautan', { cakupan: { opd: 'bpbd' }, aksi: 'terbitkan' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.tautan as { nip: string; tautan: string }[]).find((c) => c.nip === nip)!.tautan;
  };
  /** The admin's console, opened from their link. */
  const openConsole = async () => {
    const link = adminLink();
    await admin.page.goto(link.tautan.replace('/#t=', '/admin#t='));
    await admin.page.getByTestId('admin-who').waitFor();
    return link;
  };

  beforeAll(async () => {
    process.env.APEL_ROLL_REFRESH_SECONDS = String(REFRESH_SECONDS);
    browser = await launchChromium();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(() => browser?.close());

  beforeEach(async () => {
    app = await startDemoApp({ perOpd: 2, clock: CLOCK, roles: { [ADMIN_NIP]: 'admin' } });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', acceptDownloads: true });
    const page = await context.newPage();
    admin = { page, overviewAnswers: [] };
    cspErrors = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/admin/ringkasan')) admin.overviewAnswers.push(r.status());
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
  });

  afterEach(async () => {
    await admin?.page.context().close();
    await app?.stop();
    // Every page of every test ran under the strict Content-Security-Policy without a violation.
    expect(cspErrors).toEqual([]);
  });

  it('opens the console from the admin link and shows the open demo apel across all OPDs', async () => {
    const link = adminLink();
    expect(link.peran).toBe('admin');
    const { page } = admin;

    await openConsole();
    expect(page.url()).not.toContain('#t=');
    expect(await page.getByTestId('admin-who').textContent()).toContain(link.nama);

    expect(app.demo!.id).toBe('2026-12-02.demo');
    const overview = page.getByTestId(`ringkasan-${app.demo!.id}`);
    await overview.waitFor();
    expect(await overview.textContent()).toContain('Sedang dibuka');
    // Every OPD of the roster has a row (36 in the demo).
    expect(await overview.locator('tbody tr').count()).toBe(36);
    expect(await overview.locator('tfoot [data-col="expected"]').textContent()).toBe(String(app.links.length));
    await shot(page, 'ringkasan-1280');
  });

  it('uploads HR\'s CSV: previews every problem row with its line, lists who is missing, then saves', async () => {
    const { page } = admin;
    await openConsole();
    await tab('Daftar pegawai');
    const bpbd = demoRows('bpbd', 2);
    expect(bpbd.map((r) => r.nip).sort()).toEqual(app.links.filter((l) => l.opd === 'bpbd').map((l) => l.nip).sort());
    await page.getByTestId('roster-file').setInputFiles({ name: 'pegawai-bkpsdm.csv', mimeType: 'text/csv', buffer: Buffer.from(hrExport(bpbd)) });

    const preview = page.getByTestId('roster-preview');
    await preview.waitFor();
    const problems = await page.getByTestId('roster-problems').locator('tbody tr').allTextContents();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^7\D/); // line 7 of the file: the header is line 1, the empty line counts
    expect(problems[0]).toMatch(/ilmiah|1\.98503E\+17/i);
    expect(problems[1]).toMatch(/^8\D/);
    expect(problems[1]).toMatch(/dinas-tak-dikenal/);
    // Everyone active but not in the file is listed, and nobody is ticked by default.
    const missing = page.getByTestId('roster-missing');
    const others = app.links.filter((l) => l.opd !== 'bpbd');
    expect(await missing.locator('tbody tr').count()).toBe(others.length);
    expect(await missing.locator('tbody input:checked').count()).toBe(0);
    // Not "disimpan" before anything is (issue 14 point 8).
    expect(await page.getByTestId('roster-import').textContent()).toMatch(/\d+ baris siap disimpan, 2 baris bermasalah dilewati\./);
    await shot(page, 'roster-pratinjau-1280');

    // One person has left: tick them, confirm, save.
    const leaver = others.find((l) => l.opd === 'dishub' && l.peran === 'asn')!;
    await missing.locator(`input[data-nip="${leaver.nip}"]`).check();
    await page.getByTestId('roster-save').click();
    const confirm = page.getByTestId('confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Nonaktifkan 1 ASN');
    await confirm.getByRole('button', { name: /Simpan dan nonaktifkan/ }).click();
    const done = page.getByTestId('roster-import').getByTestId('done');
    await done.waitFor();
    expect(await done.textContent()).toMatch(/2 ASN baru, 0 berubah.*1 dinonaktifkan/);

    // The list shows the new ASN, with the phone number normalised.
    await page.getByTestId('asn-filter-opd').selectOption('bpbd');
    await page.getByTestId('asn-search').click();
    const row = page.getByTestId('asn-list').locator(`tr[data-nip="${BARU.nip}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(BARU.nama);
    expect(await row.textContent()).toContain('+62 812-3456-7890');
    expect(await page.getByTestId('asn-list').locator(`tr[data-nip="${BARU2.nip}"]`).textContent()).toContain(BARU2.nama);
    await shot(page, 'roster-1280');
  });

  it('issues links for the OPD: CSV for Excel, A4 sheet of QR cards, WhatsApp per ASN', async () => {
    await addNewStaff();
    const { page } = admin;
    await openConsole();
    await tab('Tautan');
    await page.getByTestId('cakupan-opd').check();
    await page.getByTestId('tautan-opd').selectOption('bpbd');
    await page.getByTestId('tautan-terbitkan').click();
    await page.getByTestId('confirm').getByRole('button', { name: 'Terbitkan tautan baru' }).click();

    const issued = page.getByTestId('issued');
    await issued.waitFor();
    const rows = issued.getByTestId('issued-table').locator('tbody tr');
    expect(await rows.count()).toBe(4); // the two sampled BPBD staff and the two new ones
    const mine = issued.locator(`tr[data-nip="${BARU.nip}"]`);
    const issuedUrl = (await mine.getByTestId('issued-url').textContent())!;
    expect(issuedUrl).toMatch(new RegExp(`^${app.url}/#t=[\\w-]{43}$`));
    const wa = (await mine.getByTestId('wa').getAttribute('href'))!;
    expect(wa).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=/);
    expect(decodeURIComponent(wa)).toContain(issuedUrl);

    // The CSV opens in Excel on an Indonesian PC: BOM, `;`, NIP kept as text; named after the server's date.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-semicolon').click()]);
    expect(download.suggestedFilename()).toBe('tautan-apel-bpbd-2026-12-02.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF"NIP";"Nama";')).toBe(true);
    expect(csv).toContain(`"=""${BARU.nip}""";"${BARU.nama}"`);
    expect(csv).toContain(issuedUrl);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(5);

    // The printable sheet: one A4 page for BPBD, four cards, each with a QR code.
    await page.getByTestId('print-opd').selectOption('bpbd');
    await expect.poll(() => page.getByTestId('print').isEnabled()).toBe(true);
    const sheet = page.getByTestId('print-sheet');
    expect(await sheet.locator('.adm-sheet').count()).toBe(1);
    expect(await sheet.locator('.adm-qr-card').count()).toBe(4);
    const qr = sheet.locator(`[data-nip="${BARU.nip}"] img`);
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).toBe(true);
    await shot(page, 'tautan-1280');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: 'test-results/admin-kartu-cetak.png', fullPage: true });
    const cardBox = await sheet.locator('.adm-qr-card').first().boundingBox();
    // On paper: the console is hidden and the OPD's four cards fill exactly one A4 sheet.
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    expect(pdf).toMatch(/\/MediaBox\s*\[0 0 59[45]\.\d+ 841\.\d+\]/); // A4: 210 × 297 mm in points
    await page.emulateMedia({ media: 'screen' });
    // 2 × 4 cards of 95 × 67 mm on A4 (96 px per inch: 1 mm ≈ 3.78 px).
    expect(cardBox!.width).toBeGreaterThan(95 * 3.78 - 3);
    expect(cardBox!.width).toBeLessThan(95 * 3.78 + 3);
  });

  it('a new ASN opens their new link on their phone and checks in; the ASN page downloads nothing of the console', async () => {
    await addNewStaff();
    const issuedUrl = await issueBpbdLinks(BARU.nip);
    // The admin watches the overview meanwhile.
    await openConsole();
    const bpbd = admin.page.getByTestId(`ringkasan-${app.demo!.id}`).locator('tr[data-opd="bpbd"]');
    await expect.poll(() => bpbd.locator('[data-col="expected"]').textContent(), { timeout: 15_000 }).toBe('4');
    expect(await bpbd.locator('[data-col="hadir"]').textContent()).toBe('0');

    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    const page = await phone.newPage();
    const downloaded: string[] = [];
    page.on('request', (r) => downloaded.push(r.url()));
    await page.goto(issuedUrl);
    expect(await page.getByTestId('profile').textContent()).toContain(BARU.nama);
    await page.getByTestId('checkin-button').click();
    const result = page.getByTestId('checkin-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('hadir');
    expect(downloaded.filter((u) => /admin/i.test(u))).toEqual([]);
    await phone.close();
  });

  it('sees a check-in in the overview by itself, without touching the page', async () => {
    await addNewStaff();
    const issuedUrl = await issueBpbdLinks(BARU.nip);
    const { page } = admin;
    await openConsole();
    const bpbd = page.getByTestId(`ringkasan-${app.demo!.id}`).locator('tr[data-opd="bpbd"]');
    await expect.poll(() => bpbd.locator('[data-col="expected"]').textContent(), { timeout: 15_000 }).toBe('4');
    expect(await bpbd.locator('[data-col="hadir"]').textContent()).toBe('0');

    const checkin = await callApi(app, issuedUrl, 'POST', '/api/checkins', { sesiId: app.demo!.id });
    expect(checkin.status, JSON.stringify(checkin.body)).toBe(201);

    // No click and no reload: while the apel is open the overview asks the server again by itself.
    // A few refreshes at most (an overview of every OPD takes a moment on a busy test machine).
    await expect.poll(() => bpbd.locator('[data-col="hadir"]').textContent(), { timeout: 20_000, interval: 200 }).toBe('1');
    expect(await bpbd.locator('[data-col="belumHadir"]').textContent()).toBe('3');
    // Unchanged polls cost a bodiless 304: the next poll after the update finds nothing new.
    const seen = admin.overviewAnswers.length;
    await expect.poll(() => admin.overviewAnswers.slice(seen).includes(304), { timeout: 40_000, interval: 250 }).toBe(true);
    await shot(page, 'ringkasan-hadir-1280');
  });

  it('finds the import and the links in the audit trail, with before and after', async () => {
    const imported = await asAdmin('POST', '/api/admin/roster/impor', { csv: hrExport(demoRows('bpbd', 2)) });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    await issueBpbdLinks(BARU.nip);
    const { page } = admin;
    await openConsole();
    await tab('Audit');
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    const impor = table.locator('tr[data-action="roster.impor"]');
    const links = table.locator('tr[data-action="tautan.terbitkan"]');
    await expect.poll(() => impor.count()).toBeGreaterThanOrEqual(1);
    expect(await links.count()).toBeGreaterThanOrEqual(1);
    expect(await impor.first().textContent()).toContain('Anda');
    // OPD names come with the console's OPD list, which may arrive after the audit lines.
    await expect.poll(() => links.first().textContent()).toContain('Badan Penanggulangan Bencana Daerah');
    expect(await links.first().textContent()).toContain(BARU.nip);

    // Filtered to the links: only those lines remain.
    await page.getByTestId('audit-aksi').selectOption('tautan');
    await page.getByTestId('audit-filter').getByRole('button', { name: 'Tampilkan' }).click();
    await expect.poll(() => table.locator('tbody tr:not([data-action^="tautan"])').count()).toBe(0);
    await shot(page, 'audit-1280');
  });

  it('shows every page of the console under the strict Content-Security-Policy without a single violation', async () => {
    await openConsole();
    for (const name of ['Ringkasan', 'Daftar pegawai', 'OPD', 'Kalender', 'Tautan', 'Audit']) {
      await tab(name);
      await admin.page.waitForLoadState('networkidle');
    }
    expect(cspErrors).toEqual([]);
  });
});
