import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../functions/core/config';
import { handler as checkin } from '../../functions/handlers/checkin';
import { handler as me } from '../../functions/handlers/me';
import { handler as opdApi } from '../../functions/handlers/opd-api';
import { openDemoSesi } from '../../functions/local/app';
import { getSesiMany } from '../../functions/store/sesi-store';
import { closeApel } from '../../functions/usecases/apel-session';
import { freshTables } from '../support/db';
import { call } from '../support/events';
import { ASNS, seedRoster } from '../support/roster';

// Wednesday 2 December 2026, 10:00 WITA (02:00 UTC): the local demo sesi opens for 30 minutes.
const config = parseConfig(JSON.parse(process.env.APEL_CONFIG!));
const at = (iso: string) => vi.setSystemTime(new Date(iso));
const [head, staff] = ASNS as [(typeof ASNS)[0], (typeof ASNS)[0]];
const DEMO = '2026-12-02.demo';
let tokens: Map<string, string>;

beforeAll(async () => {
  await freshTables();
  tokens = await seedRoster();
  vi.useFakeTimers({ toFake: ['Date'] });
  at('2026-12-02T02:00:00Z');
  expect((await openDemoSesi(config, 30))?.id).toBe(DEMO);
  at('2026-12-02T02:05:00Z');
  expect((await call(checkin, { method: 'POST', path: '/api/checkins', token: tokens.get(staff.nip)!, body: { sesiId: DEMO } })).status).toBe(201);
  expect((await closeApel('2026-12-02', 'demo', new Date('2026-12-02T02:31:00Z'))).closed).toBe(true);
  at('2026-12-02T02:40:00Z');
});

describe('the local demo sesi', () => {
  it('is not reopened by a restart on the same day once it has closed', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await openDemoSesi(config, 30)).toBeUndefined();
    const [record] = await getSesiMany([DEMO]);
    expect(record?.state).toBe('ditutup');
    const page = await call(me, { path: '/api/me', token: tokens.get(staff.nip)! });
    expect(page.body.today.find((s: { id: string }) => s.id === DEMO)).toMatchObject({ state: 'ditutup', status: 'hadir' });
  });

  it("is kept out of the head's recaps, their CSV and the ASN's history", async () => {
    const token = tokens.get(head.nip)!;
    const recap = await call(opdApi, { path: '/api/opd/setda/rekap?dari=2026-12-02&sampai=2026-12-02', token });
    expect(recap.status).toBe(200);
    expect(recap.body.sesi).toEqual([]);
    const csv = await call(opdApi, { path: '/api/opd/setda/rekap.csv?dari=2026-12-02&sampai=2026-12-02', token });
    expect(csv.text).not.toMatch(/Demo|Percobaan/i);
    expect((await call(me, { path: '/api/me/riwayat?bulan=2026-12', token: tokens.get(staff.nip)! })).body.apel).toEqual([]);
  });
});

describe('the local demo sesi on a day that is not a WFA day', () => {
  it('lets the head run a readiness check within its window, which staff see on their page', async () => {
    at('2026-12-03T02:00:00Z'); // Thursday 10:00 WITA: no WFA, only the demo apel
    const asHead = (method: string, body?: unknown) => call(opdApi, { method, path: '/api/opd/setda/kesiapan', token: tokens.get(head.nip)!, body });
    expect((await asHead('GET')).body.tidakBisaMulai).toBe('Cek kesiapan hanya dapat dimulai pada hari WFA.');
    expect((await openDemoSesi(config, 30))?.id).toBe('2026-12-03.demo');

    expect((await asHead('GET')).body.tidakBisaMulai).toBeNull();
    const tooLong = await asHead('POST', { menit: 45 });
    expect(tooLong.status).toBe(409);
    expect(tooLong.body.error.message).toBe('Apel percobaan tinggal 30 menit: pilih waktu menjawab yang lebih pendek.');
    const started = await asHead('POST', { menit: 15 });
    expect(started.status).toBe(201);
    const page = await call(me, { path: '/api/me', token: tokens.get(staff.nip)! });
    expect(page.body.kesiapan).toMatchObject({ id: started.body.cek.id, dijawabPada: null });
  });

  it('asks for a uniform on a day without one, which the head can mark not compliant', async () => {
    at('2026-12-03T02:05:00Z');
    const page = await call(me, { path: '/api/me', token: tokens.get(staff.nip)! });
    expect(page.body.seragam).toBe('PDH khaki'); // the config's first; Thursday has none
    const demo = '2026-12-03.demo';
    expect((await call(checkin, { method: 'POST', path: '/api/checkins', token: tokens.get(staff.nip)!, body: { sesiId: demo, seragam: true } })).status).toBe(201);
    const token = tokens.get(head.nip)!;
    const roll = await call(opdApi, { path: `/api/opd/setda/apel?sesi=${demo}`, token });
    expect(roll.body.seragam).toBe('PDH khaki');
    const marked = await call(opdApi, { method: 'PUT', path: `/api/opd/setda/seragam/${demo}/${staff.nip}`, token, body: { patuh: false, catatan: 'Kemeja bebas' } });
    expect(marked.status).toBe(200);
    const mine = (await call(me, { path: '/api/me', token: tokens.get(staff.nip)! })).body.today.find((s: { id: string }) => s.id === demo);
    expect(mine).toMatchObject({ seragamDikonfirmasi: true, tidakPatuh: { catatan: 'Kemeja bebas' } });
  });
});
