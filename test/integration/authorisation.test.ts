import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Asn } from '../../functions/core/roster';
import { parseConfig } from '../../functions/core/config';
import { plannedSesi } from '../../functions/core/sesi';
import type { ApiFunction, RouteKey } from '../../functions/http/routes';
import { API_FUNCTIONS, ROUTES } from '../../functions/http/routes';
import { FUNCTIONS } from '../../functions/manifest';
import { issueLink, revokeLink } from '../../functions/store/link-store';
import { importAsns } from '../../functions/store/roster-store';
import { openSesi } from '../../functions/store/sesi-store';
import { freshTables } from '../support/db';
import { call } from '../support/events';
import { ASNS, seedRoster } from '../support/roster';

/**
 * The authorisation matrix: every API route × every role × own OPD / another OPD /
 * a revoked link. A route is "allowed" when the answer is neither 401 nor 403 (it may
 * still be a 404 or 409 about the data). The route list comes from the route table,
 * so a new route without an expectation here fails this test.
 */

type Who = 'asn' | 'pimpinan' | 'admin';
type Scope = 'own' | 'other';
const ASN_ROUTES = (['checkin', 'me', 'schedule', 'passkey'] as ApiFunction[]).flatMap((fn) => routesFor(fn));

function routesFor(fn: ApiFunction): RouteKey[] {
  return (Object.keys(ROUTES) as RouteKey[]).filter((k) => ROUTES[k].fn === fn);
}

/** What the route table's access means; the API wrapper enforces it, this matrix checks it does. */
function allowed(route: RouteKey, who: Who, scope: Scope): boolean {
  switch (ROUTES[route].access) {
    case 'asn':
      return true;
    case 'opd':
      return who === 'admin' || (who === 'pimpinan' && (scope === 'own' || !route.includes('{opd}')));
    case 'admin':
      return who === 'admin';
    case 'publik':
      return true;
  }
}

/** The survey's public routes (QR poster): no link needed, and a link changes nothing. */
const PUBLIC_ROUTES = (Object.keys(ROUTES) as RouteKey[]).filter((k) => ROUTES[k].access === 'publik');
const LINKED_ROUTES = (Object.keys(ROUTES) as RouteKey[]).filter((k) => ROUTES[k].access !== 'publik');

const config = parseConfig(JSON.parse(process.env.APEL_CONFIG!));
const [pagi] = plannedSesi('2026-11-30', config) as [ReturnType<typeof plannedSesi>[0]];

/** A well-formed body per write route, so the answer is about who asks, not what they sent. */
const BODIES: Partial<Record<RouteKey, unknown>> = {
  'POST /api/checkins': { sesiId: pagi.id },
  'POST /api/opd/{opd}/izin': { nip: '{nip}', jenis: 'izin', dari: '2026-11-30', sampai: '2026-11-30' },
  'PUT /api/opd/{opd}/seragam/{sesiId}/{nip}': { patuh: true },
  'PUT /api/opd/{opd}/penilaian/{sesiId}/{nip}': { nilai: 'sesuai' },
  'POST /api/admin/epresensi/pratinjau': { csv: 'NIP;Tanggal;Jam Masuk;Jam Pulang\n197509282009031007;30/11/2026;07.20;16.05\n' },
  'POST /api/admin/epresensi/impor': { csv: 'NIP;Tanggal;Jam Masuk;Jam Pulang\n197509282009031007;30/11/2026;07.20;16.05\n' },
  'POST /api/opd/{opd}/kesiapan': { menit: 15 },
  // A phone's public key (issue 15), and a head's decision on a request that does not exist (404 when allowed).
  'POST /api/perangkat': { kunci: { kty: 'EC', crv: 'P-256', x: 'XPTSoGXb2k_nbl0OcamgM_zA2FXodkV37nuS5rhAsFQ', y: 'pV0jA1V9tjPJ87RhPwAjTRZFUxZ99RGA402cSPwLsHE' } },
  'POST /api/opd/{opd}/perangkat/{nip}': { kid: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', setuju: true },
  'PUT /api/opd/{opd}/tautan-apel': { pagi: null },
  // A push subscription as a browser makes it (issue 12): https endpoint, a P-256 point, 16 bytes.
  'PUT /api/me/pengingat': {
    langganan: { endpoint: 'https://push.example/uji', keys: { p256dh: 'BFz00qBl29pP525dDnGpoDP8wNhV6HZFd-57kua4QLBUpV0jA1V9tjPJ87RhPwAjTRZFUxZ99RGA402cSPwLsHE', auth: 'AAAAAAAAAAAAAAAAAAAAAA' } },
  },
  'DELETE /api/me/pengingat': { endpoint: 'https://push.example/uji' },
  'POST /api/admin/roster/pratinjau': { csv: 'nip,nama,jabatan,opd,status,no_hp,peran\n197509282009031007,"Sofyan Bonde, S.Pd",Pelaksana,setda,PNS,,asn\n' },
  'POST /api/admin/roster/impor': { csv: 'nip,nama,jabatan,opd,status,no_hp,peran\n197509282009031007,"Sofyan Bonde, S.Pd",Pelaksana,setda,PNS,,asn\n', nonaktifkan: [] },
  'POST /api/admin/asn': { nip: '198501012010011001', nama: 'ASN Baru', jabatan: 'Pelaksana', opd: 'setda', status: 'PNS' },
  'PATCH /api/admin/asn/{nip}': { jabatan: 'Perencana Ahli Muda' },
  'POST /api/admin/opd': { kode: 'dishub', nama: 'Dinas Perhubungan', wfa: true },
  'PATCH /api/admin/opd/{kode}': { nama: 'Sekretariat Daerah Kabupaten' },
  'PUT /api/admin/opd/{kode}/wfa': { wfa: false, sejak: '2027-01-04' },
  'PUT /api/admin/kalender/libur/{tanggal}': { jenis: 'cuti_bersama', keterangan: 'Contoh cuti bersama' },
  'POST /api/admin/kalender/libur/impor': { csv: 'tanggal,jenis,keterangan\n2027-01-01,libur_nasional,Tahun Baru 2027 Masehi\n' },
  'PUT /api/admin/kalender/hari/{tanggal}': { batal: { sore: 'Acara daerah' } },
  'POST /api/admin/sesi/{sesiId}/gangguan': { mode: 'perpanjang', menit: 5, keterangan: 'Jaringan putus' },
  // ASNS[2]: no test here uses their link, so replacing it changes no other answer.
  'POST /api/admin/tautan': { cakupan: { nip: '197509282009031007' }, aksi: 'terbitkan' },
  'POST /api/survei/{opd}': {
    perangkat: 'perangkat-uji-otorisasi-0001',
    jawaban: { persyaratan: 4, prosedur: 4, waktu: 3, biaya: 4, produk: 3, kompetensi: 4, perilaku: 4, pengaduan: 3, sarana: 3 },
  },
};

/** Write routes that take no body. */
const NO_BODY: RouteKey[] = ['POST /api/opd/{opd}/apel/{sesiId}/pengingat'];

const OWN = { opd: 'setda', nip: ASNS[1]!.nip };
const OTHER = { opd: 'diskominfo', nip: ASNS[3]!.nip };

function fill(template: string, scope: Scope): string {
  const s = scope === 'own' ? OWN : OTHER;
  return template
    .replaceAll('{opd}', s.opd)
    .replaceAll('{kode}', s.opd)
    .replaceAll('{tanggal}', '2026-12-31')
    .replaceAll('{nip}', s.nip)
    .replaceAll('{sesiId}', pagi.id)
    .replaceAll('{izinId}', `2026-11-30_${s.nip}_00000000`)
    .replaceAll('{cekId}', '20261130T010000Z-abcdef');
}

type Handler = (event: never, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
const handlers = {} as Record<ApiFunction, Handler>;
const tokens = {} as Record<Who | 'revoked', string>;

beforeAll(async () => {
  await freshTables();
  const seeded = await seedRoster();
  const extra: Asn[] = [
    { ...ASNS[1]!, nip: '198001012005011001', nama: 'Admin BKPSDM', role: 'admin' },
    { ...ASNS[1]!, nip: '198101012006012002', nama: 'Pimpinan Dicabut', role: 'pimpinan' },
  ];
  await importAsns(extra);
  tokens.asn = seeded.get(ASNS[1]!.nip)!;
  tokens.pimpinan = seeded.get(ASNS[0]!.nip)!; // head of setda
  tokens.admin = await issueLink(extra[0]!);
  tokens.revoked = await issueLink(extra[1]!);
  await revokeLink(extra[1]!.nip);
  for (const fn of API_FUNCTIONS) {
    const entry = FUNCTIONS[fn].entry;
    handlers[fn] = (await import(`../../functions/handlers/${entry}.ts`)).handler;
  }
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-29T23:05:00Z'));
  await openSesi(pagi, new Date());
});

const cases = (Object.keys(ROUTES) as RouteKey[]).flatMap((route) =>
  (['asn', 'pimpinan', 'admin'] as Who[]).flatMap((who) =>
    (route.includes('{opd}') ? (['own', 'other'] as Scope[]) : (['own'] as Scope[])).map((scope) => [route, who, scope] as const),
  ),
);

async function request(route: RouteKey, token: string, scope: Scope) {
  const [method, template] = route.split(' ') as [string, string];
  const sample = BODIES[route];
  if ((method === 'POST' || method === 'PUT' || method === 'PATCH') && sample === undefined && !ASN_ROUTES.includes(route) && !NO_BODY.includes(route)) {
    throw new Error(`Add a well-formed sample body for ${route} to BODIES`);
  }
  const body = sample === undefined ? undefined : JSON.parse(fill(JSON.stringify(sample), scope));
  return call(handlers[ROUTES[route].fn] as never, { method, path: fill(template, scope), token, body });
}

describe('the route table', () => {
  it('gives the heads\' routes access "opd", the admin\'s "admin" and every other route "asn"', () => {
    for (const route of Object.keys(ROUTES) as RouteKey[]) {
      const path = route.split(' ')[1]!;
      const expected = path.startsWith('/api/admin/') ? 'admin' : path.startsWith('/api/opd') ? 'opd' : path.startsWith('/api/survei/') ? 'publik' : 'asn';
      expect(ROUTES[route].access, route).toBe(expected);
    }
  });

  it('serves the public routes from the survey function only, which serves nothing else', () => {
    expect(PUBLIC_ROUTES.length).toBeGreaterThan(0);
    expect(PUBLIC_ROUTES.every((r) => ROUTES[r].fn === 'survei')).toBe(true);
    expect(routesFor('survei').every((r) => ROUTES[r].access === 'publik')).toBe(true);
    // …and the survey function may write the Survey table and no other.
    const writes = Object.entries(FUNCTIONS.survei.tables).filter(([, access]) => access !== 'RO').map(([table]) => table);
    expect(writes).toEqual(['survey']);
  });
});

describe('every route × every role × own and other OPD', () => {
  it.each(cases)('%s as %s (%s OPD)', async (route, who, scope) => {
    const res = await request(route, tokens[who], scope);
    if (allowed(route, who, scope)) {
      expect([401, 403], `${res.status} ${JSON.stringify(res.body)}`).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    } else {
      expect(res.status, JSON.stringify(res.body)).toBe(403);
    }
  });

  it.each(LINKED_ROUTES)('%s without a link is 401 before its body is looked at', async (route) => {
    const [method, template] = route.split(' ') as [string, string];
    const res = await call(handlers[ROUTES[route].fn] as never, { method, path: fill(template, 'own'), rawBody: '{"not json' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TAUTAN_TIDAK_ADA');
  });

  it.each(cases.filter(([route, who, scope]) => !allowed(route, who, scope)))(
    '%s as %s (%s OPD) is 403 even with a malformed body',
    async (route, who, scope) => {
      const [method, template] = route.split(' ') as [string, string];
      const res = await call(handlers[ROUTES[route].fn] as never, { method, path: fill(template, scope), token: tokens[who], rawBody: '{"not json' });
      expect(res.status, JSON.stringify(res.body)).toBe(403);
    },
  );

  it.each(PUBLIC_ROUTES)('%s (public) answers without a link, and refuses a malformed body with 400', async (route) => {
    const [method, template] = route.split(' ') as [string, string];
    const res = await call(handlers[ROUTES[route].fn] as never, { method, path: fill(template, 'own'), ...(method === 'POST' ? { rawBody: '{"not json' } : {}) });
    expect(res.status, JSON.stringify(res.body)).toBe(method === 'POST' ? 400 : 200);
  });

  it.each(LINKED_ROUTES)('%s with a revoked link is 401', async (route) => {
    const res = await request(route, tokens.revoked, 'own');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TAUTAN_TIDAK_BERLAKU');
  });
});
