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

  async function phone(link: DemoLink): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(link.tautan);
    await page.getByTestId('sesi').waitFor();
    return page;
  }

  beforeAll(async () => {
    // Wednesday 2 December 2026, 10:00 WITA, with the demo apel open; that Wednesday is a WFA day with a uniform.
    app = await startDemoApp({
      perOpd: 4,
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
    expect((await callApi(app, asn, 'POST', '/api/checkins', { sesiId: app.demo!.id, seragam: true })).status).toBe(201);

    let page = await phone(asn);
    expect(await page.getByTestId('seragam-sent').textContent()).toBe('Seragam: Anda menyatakan memakai PDH khaki');
    expect(await page.getByTestId('tidak-patuh').count()).toBe(0);
    await page.context().close();

    const marked = await callApi(app, head, 'PUT', `/api/opd/setwan/seragam/${app.demo!.id}/${asn.nip}`, { patuh: false, catatan: 'Memakai kemeja bebas' });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    page = await phone(asn);
    expect(await page.getByTestId('tidak-patuh').textContent()).toBe('Pimpinan menandai seragam Anda tidak sesuai: Memakai kemeja bebas');
    expect(await page.getByTestId('week-tidak-patuh').textContent()).toContain('seragam tidak sesuai');
    await page.screenshot({ path: '.bench/asn-360-seragam.png', fullPage: true });
    await page.context().close();
  });
});
