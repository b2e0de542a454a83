import { beforeAll, describe, expect, it } from 'vitest';
import type { Asn } from '../../functions/core/roster';
import { handler as admin } from '../../functions/handlers/admin-api';
import { issueLink } from '../../functions/store/link-store';
import { importAsns, importOpds, listAsnOfOpd } from '../../functions/store/roster-store';
import { allItems, freshTables } from '../support/db';
import { call } from '../support/events';
import { OPDS } from '../support/roster';

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

function rosterCsv(rows: number): string {
  const lines = ['nip;nama;jabatan;opd;status;no_hp;peran'];
  for (let i = 0; i < rows; i++) {
    const opd = OPDS[i % OPDS.length]!.kode;
    lines.push(`${nipOf(i)};Pegawai Nomor ${i + 1}, S.Sos;Pelaksana;${opd};${i % 7 === 0 ? 'PPPK' : 'PNS'};0812${String(1000000 + i)};asn`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

let adminToken: string;

beforeAll(async () => {
  await freshTables();
  await importOpds(OPDS);
  await importAsns([ADMIN]);
  adminToken = await issueLink(ADMIN);
});

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: Math.round(performance.now() - start) };
}

describe('at the scale of a regency', () => {
  const csv = rosterCsv(ROWS);

  it(`imports ${ROWS.toLocaleString('en')} rows (a ${(csv.length / 1024 / 1024).toFixed(1)} MB upload) in one request`, async () => {
    const { result: res, ms } = await timed(() => call(admin, { method: 'POST', path: '/api/admin/roster/impor', token: adminToken, body: { csv } }));

    console.info(`roster import: ${ROWS} rows written in ${ms} ms`);
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

  it('issues links for everyone in one request, with a CSV and the QR-card data', async () => {
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
    expect(res.body.csv.split('\r\n').filter(Boolean)).toHaveLength(everyone + 1);
    expect(ms).toBeLessThan(LIMIT_MS);
    const links = await allItems('links');
    expect(links.filter((i) => String(i.pk).startsWith('LINK#'))).toHaveLength(everyone);
    expect((await listAsnOfOpd('dinkes')).length).toBeGreaterThan(1600);
  }, 60_000);
});
