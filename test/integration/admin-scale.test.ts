import { beforeAll, describe, expect, it } from 'vitest';
import type { Asn } from '../../functions/core/roster';
import { handler as admin } from '../../functions/handlers/admin-api';
import { issueLink } from '../../functions/store/link-store';
import { importRosterFiles } from '../../functions/cli/roster-import';
import { parseConfig } from '../../functions/core/config';
import { plannedSesi } from '../../functions/core/sesi';
import { importAsns, listAsnOfOpd, listOpds } from '../../functions/store/roster-store';
import { openSesi } from '../../functions/store/sesi-store';
import { allItems, freshTables } from '../support/db';
import { call } from '../support/events';

/**
 * A regency's worth in one request each, against DynamoDB Local: a 5,000-row roster
 * import and links for everyone must finish well under API Gateway's 30-second limit.
 * The measured times are printed (and kept in README's figures).
 */

const ROWS = 5000;
const LIMIT_MS = 20_000;
const ADMIN: Asn = { nip: '196501011990011001', nama: 'Admin BKPSDM', jabatan: 'Analis SDM', opd: 'setda', status: 'PNS', noHp: '', role: 'admin', active: true };

/** Plausible, distinct NIPs: birth 1970–1999, appointed at 25, gender 1/2, sequence 001–999. */
function nipOf(i: number): string {
  const year = 1970 + (i % 30);
  const month = String(1 + (Math.floor(i / 30) % 12)).padStart(2, '0');
  const day = String(1 + (Math.floor(i / 360) % 28)).padStart(2, '0');
  const seq = String(1 + Math.floor(i / 10080)).padStart(3, '0');
  return `${year}${month}${day}${year + 25}${month}${1 + (i % 2)}${seq}`;
}

function rosterCsv(rows: number, opds: readonly string[]): string {
  const lines = ['nip;nama;jabatan;opd;status;no_hp;peran'];
  for (let i = 0; i < rows; i++) {
    const opd = opds[i % opds.length]!;
    lines.push(`${nipOf(i)};Pegawai Nomor ${i + 1}, S.Sos;Pelaksana;${opd};${i % 7 === 0 ? 'PPPK' : 'PNS'};0812${String(1000000 + i)};asn`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

let adminToken: string;
let csv: string;

beforeAll(async () => {
  await freshTables();
  // The 36 OPDs of the demo regency.
  await importRosterFiles({ opd: new URL('../../demo-data/opd.csv', import.meta.url).pathname });
  csv = rosterCsv(ROWS, (await listOpds()).map((o) => o.kode));
  await importAsns([ADMIN]);
  adminToken = await issueLink(ADMIN);
});

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: Math.round(performance.now() - start) };
}

describe('at the scale of a regency', () => {
  it(`imports ${ROWS.toLocaleString('en')} rows in one request`, async () => {
    const { result: res, ms } = await timed(() => call(admin, { method: 'POST', path: '/api/admin/roster/impor', token: adminToken, body: { csv } }));

    console.info(`roster import: ${ROWS} rows (${(csv.length / 1024).toFixed(0)} kB) written in ${ms} ms`);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body).toMatchObject({ total: ROWS, valid: ROWS, problems: [], counts: { baru: ROWS } });
    expect(ms).toBeLessThan(LIMIT_MS);
    expect((await allItems('roster')).filter((i) => i.type === 'ASN')).toHaveLength(ROWS + 1);
  }, 60_000);

  it('previews and re-imports the same file quickly, writing nothing', async () => {
    const { result: preview, ms: previewMs } = await timed(() =>
      call(admin, { method: 'POST', path: '/api/admin/roster/pratinjau', token: adminToken, body: { csv } }),
    );
    const { result: again, ms: againMs } = await timed(() =>
      call(admin, { method: 'POST', path: '/api/admin/roster/impor', token: adminToken, body: { csv } }),
    );

    console.info(`roster preview: ${previewMs} ms; re-import of the same ${ROWS} rows: ${againMs} ms`);
    expect(preview.body.counts).toMatchObject({ baru: 0, berubah: 0, tetap: ROWS });
    expect(again.body.counts).toMatchObject({ baru: 0, berubah: 0, tetap: ROWS });
    expect(Math.max(previewMs, againMs)).toBeLessThan(LIMIT_MS);
  }, 60_000);

  it('issues links for everyone in one request, with the QR-card data well under Lambda\'s answer limit', async () => {
    const everyone = ROWS + 1;

    const { result: res, ms } = await timed(() =>
      call(admin, {
        method: 'POST',
        path: '/api/admin/tautan',
        token: adminToken,
        body: { cakupan: { semua: true }, aksi: 'terbitkan' },
        headers: { origin: 'https://apel.example.go.id' },
      }),
    );

    console.info(`links for everyone: ${everyone} links issued in ${ms} ms`);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body.jumlah).toBe(everyone);
    expect(res.body.tautan).toHaveLength(everyone);
    // Lambda answers at most 6 MB; by then every old link is already replaced.
    console.info(`links for everyone: answer ${(res.text.length / 1e6).toFixed(2)} MB`);
    expect(Buffer.byteLength(res.text)).toBeLessThan(4_500_000);
    expect(ms).toBeLessThan(LIMIT_MS);
    const links = await allItems('links');
    expect(links.filter((i) => String(i.pk).startsWith('LINK#'))).toHaveLength(everyone);
    expect((await listAsnOfOpd('dinkes')).length).toBeGreaterThan(100);
    // The admin's own link was replaced too; the new one is in the answer.
    adminToken = new URL(res.body.tautan.find((c: { nip: string }) => c.nip === ADMIN.nip).tautan).hash.slice(3);
  }, 60_000);

  it('shows the overview of 36 OPDs in a sesi quickly enough to poll', async () => {
    const [pagi] = plannedSesi('2026-11-30', parseConfig(JSON.parse(process.env.APEL_CONFIG!)));
    await openSesi(pagi!, new Date('2026-11-29T23:00:00Z'));

    const { result: res, ms } = await timed(() => call(admin, { path: '/api/admin/ringkasan?tanggal=2026-11-30', token: adminToken }));

    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    console.info(`overview: ${res.body.sesi[0].opd.length} OPDs, ${res.body.sesi[0].total.expected} ASN in ${ms} ms`);
    expect(res.body.sesi[0].opd).toHaveLength(36);
    expect(res.body.sesi[0].total.expected).toBe(ROWS + 1);
    expect(ms).toBeLessThan(10_000);
  }, 60_000);
});
