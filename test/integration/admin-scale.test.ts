import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importRosterFiles } from '../../functions/cli/roster-import';
import { parseConfig } from '../../functions/core/config';
import { plannedSesi } from '../../functions/core/sesi';
import { handler as admin } from '../../functions/handlers/admin-api';
import { useLocalTables } from '../../functions/local/tables';
import { issueLink } from '../../functions/store/link-store';
import { importAsns, listAsnOfOpd, listOpds } from '../../functions/store/roster-store';
import { openSesi } from '../../functions/store/sesi-store';
import { ROWS, SCALE_ADMIN as ADMIN, rosterAsns, rosterCsv } from '../bench/scale-roster';
import { allItems, freshTables } from '../support/db';
import { call } from '../support/events';

/**
 * A regency's worth in one request each, against DynamoDB Local: a 5,000-row roster import,
 * its preview, links for everyone and the overview of every OPD give the right answers at
 * that size. How long they take depends on the machine: `npm run bench:admin` measures it.
 * Each test starts from tables of its own, so none depends on what another left behind.
 */

/** Monday 30 November 2026, 07:10 WITA, during apel pagi. */
const NOW = '2026-11-30T07:10:00+08:00';

let adminToken: string;
let opds: string[];

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
  useLocalTables(`s${randomBytes(4).toString('hex')}`);
  await freshTables();
  // The 36 OPDs of the demo regency, and the admin.
  await importRosterFiles({ opd: new URL('../../demo-data/opd.csv', import.meta.url).pathname });
  opds = (await listOpds()).map((o) => o.kode);
  await importAsns([ADMIN]);
  adminToken = await issueLink(ADMIN);
});

afterEach(() => vi.useRealTimers());

const importCsv = (csv: string) => call(admin, { method: 'POST', path: '/api/admin/roster/impor', token: adminToken, body: { csv } });

describe('at the scale of a regency', () => {
  it(`imports ${ROWS.toLocaleString('en')} rows in one request`, async () => {
    const csv = rosterCsv(ROWS, opds);

    const res = await importCsv(csv);

    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body).toMatchObject({ total: ROWS, valid: ROWS, problems: [], counts: { baru: ROWS } });
    expect((await allItems('roster')).filter((i) => i.type === 'ASN')).toHaveLength(ROWS + 1);
  }, 120_000);

  it('previews and re-imports the same file, writing nothing', async () => {
    const csv = rosterCsv(ROWS, opds);
    expect((await importCsv(csv)).status).toBe(200);
    const before = await allItems('roster');

    const preview = await call(admin, { method: 'POST', path: '/api/admin/roster/pratinjau', token: adminToken, body: { csv } });
    const again = await importCsv(csv);

    expect(preview.body.counts).toMatchObject({ baru: 0, berubah: 0, tetap: ROWS });
    expect(again.body.counts).toMatchObject({ baru: 0, berubah: 0, tetap: ROWS });
    expect(await allItems('roster')).toEqual(before);
  }, 120_000);

  it("issues links for everyone in one request, with the QR-card data well under Lambda's answer limit", async () => {
    await importAsns(rosterAsns(ROWS, opds));
    const everyone = ROWS + 1;

    const res = await call(admin, {
      method: 'POST',
      path: '/api/admin/tautan',
      token: adminToken,
      body: { cakupan: { semua: true }, aksi: 'terbitkan' },
      headers: { origin: 'https://apel.example.go.id' },
    });

    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body.jumlah).toBe(everyone);
    expect(res.body.tautan).toHaveLength(everyone);
    // Lambda answers at most 6 MB; by then every old link is already replaced.
    expect(Buffer.byteLength(res.text)).toBeLessThan(4_500_000);
    const links = await allItems('links');
    expect(links.filter((i) => String(i.pk).startsWith('LINK#'))).toHaveLength(everyone);
    expect((await listAsnOfOpd('dinkes')).length).toBeGreaterThan(100);
    // The admin's own link was replaced too; the new one is in the answer, and works.
    const mine = new URL(res.body.tautan.find((c: { nip: string }) => c.nip === ADMIN.nip).tautan).hash.slice(3);
    expect((await call(admin, { path: '/api/admin/ringkasan?tanggal=2026-11-30', token: mine })).status).toBe(200);
    expect((await call(admin, { path: '/api/admin/ringkasan?tanggal=2026-11-30', token: adminToken })).status).toBe(401);
  }, 120_000);

  it('shows the overview of 36 OPDs in an open sesi, counting every ASN', async () => {
    await importAsns(rosterAsns(ROWS, opds));
    const [pagi] = plannedSesi('2026-11-30', parseConfig(JSON.parse(process.env.APEL_CONFIG!)));
    await openSesi(pagi!, new Date());

    const res = await call(admin, { path: '/api/admin/ringkasan?tanggal=2026-11-30', token: adminToken });

    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(res.body.sesi[0].id).toBe('2026-11-30.pagi');
    expect(res.body.sesi[0].opd).toHaveLength(36);
    expect(res.body.sesi[0].total.expected).toBe(ROWS + 1);
  }, 120_000);
});
