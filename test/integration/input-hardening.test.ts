import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../functions/core/config';
import { plannedSesi } from '../../functions/core/sesi';
import type { ApiFunction, RouteKey } from '../../functions/http/routes';
import { PATH_FORMATS } from '../../functions/http/params';
import { API_FUNCTIONS, ROUTES } from '../../functions/http/routes';
import { FUNCTIONS } from '../../functions/manifest';
import { openSesi } from '../../functions/store/sesi-store';
import type { TableKey } from '../../functions/store/tables';
import { TABLES } from '../../functions/store/tables';
import { ADMIN, seedWithAdmin } from '../support/admin';
import { allItems } from '../support/db';
import { call } from '../support/events';
import { ASNS } from '../support/roster';

/**
 * Odd input does no harm: every path value that becomes a DynamoDB key has its form
 * checked before anything is read (an over-long key used to answer 500), hidden
 * characters in free text are refused or removed, body limits count bytes, and a route
 * without a body refuses one. Each refusal writes nothing.
 */

type Handler = (event: never, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
const handlers = {} as Record<ApiFunction, Handler>;
let adminToken: string;
let headToken: string;

const config = parseConfig(JSON.parse(process.env.APEL_CONFIG!));
const [pagi] = plannedSesi('2026-11-30', config) as [ReturnType<typeof plannedSesi>[0]];

/** Well-formed values for every `{param}` of the route table. */
const VALID: Record<string, string> = {
  opd: 'setda',
  kode: 'setda',
  nip: ASNS[1]!.nip,
  sesiId: pagi.id,
  izinId: `2026-11-30_${ASNS[1]!.nip}_00000000`,
  cekId: '20261130T010000Z-abcdef',
  tanggal: '2026-12-31',
};

/** A well-formed body per route that takes one, so only the value under test is wrong. */
const BODIES: Partial<Record<RouteKey, unknown>> = {
  'POST /api/checkins': { sesiId: pagi.id },
  'POST /api/opd/{opd}/izin': { nip: ASNS[1]!.nip, jenis: 'izin', dari: '2026-11-30', sampai: '2026-11-30' },
  'PUT /api/opd/{opd}/seragam/{sesiId}/{nip}': { patuh: false, catatan: 'Tanpa atribut' },
  'POST /api/opd/{opd}/kesiapan': { menit: 15 },
  'PUT /api/opd/{opd}/tautan-apel': { pagi: null },
  'POST /api/admin/roster/pratinjau': { csv: 'nip,nama,jabatan,opd,status,no_hp,peran\n' },
  'POST /api/admin/roster/impor': { csv: 'nip,nama,jabatan,opd,status,no_hp,peran\n', nonaktifkan: [] },
  'POST /api/admin/asn': { nip: '198501012010011001', nama: 'ASN Baru', jabatan: 'Pelaksana', opd: 'setda', status: 'PNS' },
  'PATCH /api/admin/asn/{nip}': { jabatan: 'Perencana Ahli Muda' },
  'POST /api/admin/opd': { kode: 'dishub', nama: 'Dinas Perhubungan', wfa: true },
  'PATCH /api/admin/opd/{kode}': { nama: 'Sekretariat Daerah Kabupaten' },
  'PUT /api/admin/opd/{kode}/wfa': { wfa: false, sejak: '2027-01-04' },
  'PUT /api/admin/kalender/libur/{tanggal}': { jenis: 'cuti_bersama', keterangan: 'Contoh cuti bersama' },
  'POST /api/admin/kalender/libur/impor': { csv: 'tanggal,jenis,keterangan\n2027-01-01,libur_nasional,Tahun Baru 2027 Masehi\n' },
  'PUT /api/admin/kalender/hari/{tanggal}': { batal: { sore: 'Acara daerah' } },
  'POST /api/admin/sesi/{sesiId}/gangguan': { mode: 'perpanjang', menit: 5, keterangan: 'Jaringan putus' },
  'POST /api/admin/tautan': { cakupan: { nip: ASNS[2]!.nip }, aksi: 'terbitkan' },
};

/** Values no key may hold: over DynamoDB's 2,048-byte key limit (ASCII, digits, multi-byte), a path trick, a hidden character. */
const BAD = ['a'.repeat(2100), '1'.repeat(2100), 'é'.repeat(1100), '../../roster', `setda\u202E`, ' '];

const paramsOf = (route: RouteKey) => [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

function pathOf(route: RouteKey, values: Record<string, string>): string {
  const template = route.split(' ')[1]!;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!));
}

function send(route: RouteKey, r: { path?: string; body?: unknown; rawBody?: string; token?: string; headers?: Record<string, string> } = {}) {
  const method = route.split(' ')[0]!;
  return call(handlers[ROUTES[route].fn] as never, {
    method,
    path: r.path ?? pathOf(route, VALID),
    token: r.token ?? adminToken,
    ...(r.rawBody !== undefined ? { rawBody: r.rawBody } : r.body !== undefined ? { body: r.body } : {}),
    ...(r.headers ? { headers: r.headers } : {}),
  });
}

/** Everything in every table, to prove a refusal wrote nothing. */
async function everything(): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const table of Object.keys(TABLES) as TableKey[]) all[table] = await allItems(table);
  return all;
}

beforeAll(async () => {
  const seeded = await seedWithAdmin();
  adminToken = seeded.adminToken;
  headToken = seeded.tokens.get(ASNS[0]!.nip)!; // head of setda
  for (const fn of API_FUNCTIONS) {
    handlers[fn] = (await import(`../../functions/handlers/${FUNCTIONS[fn].entry}.ts`)).handler;
  }
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-29T23:05:00Z')); // Monday 30 November 2026, 07:05 WITA
  await openSesi(pagi, new Date());
});

const withParams = (Object.keys(ROUTES) as RouteKey[]).filter((r) => paramsOf(r).length > 0);
const pathCases = withParams.flatMap((route) => paramsOf(route).map((param) => [route, param] as const));

describe('path values that become keys', () => {
  it('are checked on every route of the route table that has any, each param by its form', () => {
    const names = new Set(pathCases.map(([, param]) => param));
    expect(names).toEqual(new Set(Object.keys(PATH_FORMATS)));
    for (const name of names) expect(VALID[name], name).toBeDefined();
  });

  it.each(pathCases)('%s refuses a malformed or over-long {%s} with 400 and writes nothing', async (route, param) => {
    const before = await everything();

    for (const bad of BAD) {
      const res = await send(route, { path: pathOf(route, { ...VALID, [param]: bad }), body: BODIES[route] });

      expect([res.status, res.body?.error?.code], `${bad.slice(0, 12)}: ${res.text.slice(0, 200)}`).toEqual([400, 'INPUT_TIDAK_VALID']);
      expect(res.body.error.message).toContain(`"${param}"`);
    }
    expect(await everything()).toEqual(before);
  });

  it('are refused before the caller is even looked up, so a stranger learns nothing more than the form', async () => {
    const res = await send('GET /api/admin/asn/{nip}', { path: `/api/admin/asn/${'9'.repeat(3000)}`, token: '' });

    expect(res.status).toBe(400);
  });
});

describe('query and body values that become keys', () => {
  it.each([
    ['GET /api/opd/{opd}/apel', 'sesi', `${pagi.id}${'x'.repeat(2100)}`],
    ['GET /api/admin/asn', 'opd', 'a'.repeat(2100)],
    ['GET /api/admin/audit', 'opd', 'a'.repeat(2100)],
    ['GET /api/admin/audit', 'aktor', '1'.repeat(2100)],
    ['GET /api/admin/asn', 'q', `budi\u202E`],
  ] as const)('%s refuses ?%s= of the wrong form or length with 400', async (route, name, value) => {
    const res = await send(route, { path: `${pathOf(route, VALID)}?${name}=${encodeURIComponent(value)}` });

    expect([res.status, res.body?.error?.code], res.text.slice(0, 200)).toEqual([400, 'INPUT_TIDAK_VALID']);
    expect(res.body.error.message).toMatch(new RegExp(`^${name}: `));
  });

  it.each([
    ['POST /api/admin/asn', { ...(BODIES['POST /api/admin/asn'] as object), opd: 'a'.repeat(2100) }],
    ['PATCH /api/admin/asn/{nip}', { opd: 'a'.repeat(2100) }],
    ['POST /api/admin/tautan', { cakupan: { nip: '1'.repeat(2100) }, aksi: 'terbitkan' }],
    ['POST /api/opd/{opd}/izin', { ...(BODIES['POST /api/opd/{opd}/izin'] as object), nip: '1'.repeat(2100) }],
    ['POST /api/checkins', { sesiId: `${pagi.id}${'x'.repeat(2100)}` }],
  ] as const)('%s refuses an over-long key in its body with 400 and writes nothing', async (route, body) => {
    const before = await everything();

    const res = await send(route, { body });

    expect([res.status, res.body?.error?.code], res.text.slice(0, 200)).toEqual([400, 'INPUT_TIDAK_VALID']);
    expect(await everything()).toEqual(before);
  });
});

describe('hidden characters in free text', () => {
  it.each([
    ['U+202E (right-to-left override)', 'Budi \u202ESantoso', 'U+202E'],
    ['U+2066 (left-to-right isolate)', 'Budi\u2066 Santoso', 'U+2066'],
    ['NUL', 'Budi\u0000Santoso', 'U+0000'],
    ['ESC', 'Budi\u001b[31m', 'U+001B'],
  ])('refuses a name with %s, naming the field and the character', async (_, nama, code) => {
    const before = await everything();

    const res = await send('POST /api/admin/asn', { body: { ...(BODIES['POST /api/admin/asn'] as object), nama } });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('nama: berisi karakter tersembunyi');
    expect(res.body.error.message).toContain(code);
    expect(await everything()).toEqual(before);
  });

  it('refuses a lone surrogate (broken UTF-16) in a note', async () => {
    const body = JSON.stringify(BODIES['POST /api/opd/{opd}/izin']).replace(/}$/, ',"catatan":"sakit \\ud800"}');

    const res = await send('POST /api/opd/{opd}/izin', { rawBody: body, token: headToken });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('catatan: berisi karakter tersembunyi');
    expect(res.body.error.message).toContain('U+D800');
  });

  it.each([
    ['POST /api/checkins', { sesiId: pagi.id, laporan: 'Rencana\u202E kerja' }, 'laporan'],
    ['POST /api/opd/{opd}/kesiapan', { menit: 15, pesan: 'Siap\u0007' }, 'pesan'],
    ['PUT /api/opd/{opd}/seragam/{sesiId}/{nip}', { patuh: false, catatan: '\u202Dtanpa atribut' }, 'catatan'],
    ['POST /api/admin/sesi/{sesiId}/gangguan', { mode: 'bebaskan', keterangan: 'Listrik\u0000 padam' }, 'keterangan'],
    ['PATCH /api/admin/opd/{kode}', { nama: 'Sekretariat\u202E Daerah' }, 'nama'],
    ['PUT /api/admin/kalender/libur/{tanggal}', { jenis: 'cuti_bersama', keterangan: 'Cuti\u2067 bersama' }, 'keterangan'],
  ] as const)('%s refuses a bidi or control character in "%s"', async (route, body, field) => {
    const before = await everything();

    const res = await send(route, { body });

    expect(res.status, res.text).toBe(400);
    expect(res.body.error.message).toContain(`${field}: berisi karakter tersembunyi`);
    expect(await everything()).toEqual(before);
  });

  it('refuses a roster CSV row with a hidden character, naming its line and column', async () => {
    const csv = `nip,nama,jabatan,opd,status,no_hp,peran\n198501012010011001,Ani\u202E Lamato,Pelaksana,setda,PNS,,asn\n`;

    const res = await send('POST /api/admin/roster/pratinjau', { body: { csv } });

    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toMatch(/"line":2,"reason":"nama: berisi karakter tersembunyi yang tidak diizinkan \(U\+202E/);
  });

  it('removes zero-width characters from a name and stores it in NFC, so it equals the name it looks like', async () => {
    const nama = 'Nu\u200Brul Ha\u200Dsana\u0308h'; // zero-width space and joiner; a + combining diaeresis

    const res = await send('POST /api/admin/asn', { body: { ...(BODIES['POST /api/admin/asn'] as object), nip: '198702022011012002', nama } });

    expect(res.status, res.text).toBe(201);
    expect(res.body.asn.nama).toBe('Nurul Hasanäh');
    expect(res.body.asn.nama).toBe('Nurul Hasanäh'.normalize('NFC'));
  });

  it('keeps the zero-width joiner in a note, where it joins emoji, and removes a zero-width space', async () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const body = { ...(BODIES['POST /api/opd/{opd}/izin'] as object), nip: ASNS[2]!.nip, catatan: `Acara ${family}\u200B keluarga` };

    const res = await send('POST /api/opd/{opd}/izin', { body, token: headToken });

    expect(res.status, res.text).toBe(201);
    expect(res.body.izin.catatan).toBe(`Acara ${family} keluarga`);
  });
});

describe('body limits', () => {
  const asnWithName = (nama: string) => JSON.stringify({ ...(BODIES['POST /api/admin/asn'] as object), nama });

  it('count UTF-8 bytes: 16 KB of three-byte characters is refused with 413, though it is only ~5,500 characters', async () => {
    const body = asnWithName('ओ'.repeat(5500));
    expect(body.length).toBeLessThan(16 * 1024);
    expect(Buffer.byteLength(body)).toBeGreaterThan(16 * 1024);
    const before = await everything();

    const res = await send('POST /api/admin/asn', { rawBody: body });

    expect([res.status, res.body?.error?.code]).toEqual([413, 'ISI_TERLALU_BESAR']);
    expect(await everything()).toEqual(before);
  });

  it('refuses the first byte over the limit and lets the limit itself through to the schema', async () => {
    const at = (bytes: number) => {
      const head = asnWithName('');
      return asnWithName('é'.repeat(Math.floor((bytes - Buffer.byteLength(head)) / 2))) + ' '.repeat((bytes - Buffer.byteLength(head)) % 2);
    };
    expect(Buffer.byteLength(at(16 * 1024))).toBe(16 * 1024);
    expect(Buffer.byteLength(at(16 * 1024 + 1))).toBe(16 * 1024 + 1);

    const over = await send('POST /api/admin/asn', { rawBody: at(16 * 1024 + 1) });
    const limit = await send('POST /api/admin/asn', { rawBody: at(16 * 1024) });

    expect(over.status).toBe(413);
    expect([limit.status, limit.body.error.code]).toEqual([400, 'INPUT_TIDAK_VALID']); // the name is too long for the roster rules
  });

  // Every GET and DELETE but one: a device turns reminders off by naming its push endpoint in the
  // body (a URL too long, and too private, for a query string).
  const DELETE_WITH_BODY = 'DELETE /api/me/pengingat';
  const bodiless = (Object.keys(ROUTES) as RouteKey[]).filter((r) => r.startsWith('GET ') || (r.startsWith('DELETE ') && r !== DELETE_WITH_BODY));

  it.each(bodiless)('%s takes no body and refuses one with 400, writing nothing', async (route) => {
    const before = await everything();

    const res = await send(route, { rawBody: '{"padding":"' + 'x'.repeat(1000) + '"}' });

    expect([res.status, res.body?.error?.code], res.text.slice(0, 200)).toEqual([400, 'ISI_TIDAK_DITERIMA']);
    expect(await everything()).toEqual(before);
  });

  it('still answers a route without a body when none is sent', async () => {
    expect((await send('GET /api/admin/opd')).status).toBe(200);
    expect(ADMIN.role).toBe('admin');
  });
});
