import { beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as checkin } from '../../functions/handlers/checkin';
import { handler as apelClock } from '../../functions/handlers/apel-clock';
import { handler as me } from '../../functions/handlers/me';
import { handler as schedule } from '../../functions/handlers/schedule';
import { importHolidays } from '../../functions/store/calendar-store';
import { listRecaps } from '../../functions/store/sesi-store';
import { importAsns } from '../../functions/store/roster-store';
import { syncLink } from '../../functions/store/link-store';
import { closeApel } from '../../functions/usecases/apel-session';
import { allItems, freshTables } from '../support/db';
import { call } from '../support/events';
import { ASNS, seedRoster } from '../support/roster';

const at = (iso: string) => vi.setSystemTime(new Date(iso));
let tokens: Map<string, string>;
const tokenOf = (i: number) => tokens.get(ASNS[i]!.nip) as string;
async function importAsnsAndSyncLinks(asns: typeof ASNS) {
  return (await importAsns(asns, syncLink)).moved;
}
const checkIn = (i: number, sesiId: string) =>
  call(checkin, { method: 'POST', path: '/api/checkins', token: tokenOf(i), body: { sesiId } });

beforeAll(async () => {
  await freshTables();
  tokens = await seedRoster();
  await importHolidays([{ date: '2026-12-07', jenis: 'cuti_bersama', keterangan: 'Contoh cuti bersama' }]);
  vi.useFakeTimers({ toFake: ['Date'] });
});

describe('opening an apel', () => {
  it('opens the sesi on a WFA day, once, however often the clock ticks', async () => {
    at('2026-11-29T22:59:00Z'); // Monday 06:59 WITA
    expect(await apelClock({})).toEqual({ opened: [], closed: [] });
    at('2026-11-29T23:00:00Z'); // 07:00
    expect(await apelClock({})).toEqual({ opened: ['2026-11-30.pagi'], closed: [] });
    at('2026-11-29T23:01:00Z');
    expect(await apelClock({})).toEqual({ opened: [], closed: [] });
    const sesi = (await allItems('sessions')).filter((i) => i.id === '2026-11-30.pagi');
    expect(sesi).toHaveLength(1);
    expect(sesi[0]).toMatchObject({ state: 'dibuka', opensAt: '2026-11-29T23:00:00.000Z', closesAt: '2026-11-30T00:00:00.000Z' });
  });

  it('opens nothing on an office day', async () => {
    at('2026-12-01T23:00:00Z'); // Wednesday 07:00 WITA
    expect(await apelClock({})).toEqual({ opened: [], closed: [] });
    expect((await allItems('sessions')).some((i) => i.date === '2026-12-02')).toBe(false);
  });

  it('opens nothing on a Monday that is a holiday', async () => {
    at('2026-12-06T23:00:00Z'); // Monday 7 December 07:00 WITA
    expect(await apelClock({})).toEqual({ opened: [], closed: [] });
    expect((await allItems('sessions')).some((i) => i.date === '2026-12-07')).toBe(false);
  });

  it('still closes an open apel after the day was declared a holiday while it was open', async () => {
    at('2026-12-14T23:00:00Z'); // Tuesday 15 December 07:00 WITA
    expect(await apelClock({})).toEqual({ opened: ['2026-12-15.pagi'], closed: [] });
    await importHolidays([{ date: '2026-12-15', jenis: 'libur_nasional', keterangan: 'Ditetapkan mendadak' }]);
    at('2026-12-15T00:01:00Z'); // 08:01
    expect(await apelClock({})).toEqual({ opened: [], closed: ['2026-12-15.pagi'] });
    expect((await allItems('sessions')).find((i) => i.id === '2026-12-15.pagi' && i.sk === 'SESI')).toMatchObject({ state: 'ditutup' });
  });

  it('rejects a schedule input it does not understand', async () => {
    await expect(apelClock({ slot: 'malam' })).rejects.toThrow(/tidak valid/);
    await expect(apelClock({ tutup: '2026-11-30.malam' })).rejects.toThrow(/tidak valid/);
  });
});

describe('closing an apel', () => {
  it('writes a recap per OPD: expected, hadir, terlambat, tidak hadir', async () => {
    at('2026-11-29T23:10:00Z');
    expect((await checkIn(0, '2026-11-30.pagi')).status).toBe(201); // setda, hadir
    at('2026-11-29T23:40:00Z');
    expect((await checkIn(1, '2026-11-30.pagi')).status).toBe(201); // setda, terlambat
    expect((await checkIn(3, '2026-11-30.pagi')).status).toBe(201); // diskominfo, terlambat
    // ASNS[2] (setda) and ASNS[4] (dinkes, exempt) never check in.

    at('2026-11-30T00:00:00Z'); // 08:00 WITA: the window has ended, the recap waits a minute
    expect(await apelClock({})).toEqual({ opened: [], closed: [] });
    at('2026-11-30T00:01:00Z'); // 08:01 WITA
    expect(await apelClock({})).toEqual({ opened: [], closed: ['2026-11-30.pagi'] });

    const recaps = Object.fromEntries((await listRecaps('2026-11-30.pagi')).map((r) => [r.opd, r]));
    expect(recaps).toEqual({
      setda: { opd: 'setda', wfa: true, expected: 3, hadir: 1, terlambat: 1, tidakHadir: 1 },
      diskominfo: { opd: 'diskominfo', wfa: true, expected: 1, hadir: 0, terlambat: 1, tidakHadir: 0 },
      dinkes: { opd: 'dinkes', wfa: false, expected: 1, hadir: 0, terlambat: 0, tidakHadir: 1 },
    });
    const sesi = (await allItems('sessions')).find((i) => i.sk === 'SESI' && i.id === '2026-11-30.pagi');
    expect(sesi).toMatchObject({ state: 'ditutup', closedAt: '2026-11-30T00:01:00.000Z' });
  });

  it('refuses check-ins once closed and rewrites the same recap if run again', async () => {
    at('2026-11-30T00:02:00Z');
    expect((await checkIn(2, '2026-11-30.pagi')).status).toBe(409);
    const before = await listRecaps('2026-11-30.pagi');
    expect(await apelClock({})).toEqual({ opened: [], closed: [] });
    // An operator repairing a day by hand closes it again: the same recap is rewritten.
    expect(await apelClock({ tutup: '2026-11-30.pagi' })).toEqual({ opened: [], closed: ['2026-11-30.pagi'] });
    expect(await listRecaps('2026-11-30.pagi')).toEqual(before);
  });

  it('does nothing for a sesi that was never opened', async () => {
    at('2026-12-02T00:01:00Z');
    expect(await closeApel('2026-12-02', 'pagi', new Date())).toEqual({ sesiId: '2026-12-02.pagi', closed: false, recaps: [] });
    expect(await apelClock({ tutup: '2026-12-02.pagi' })).toEqual({ opened: [], closed: [] });
  });
});

describe('an ASN moved to another OPD during a sesi', () => {
  it('still has one check-in, and is counted present in the OPD they belong to at the close', async () => {
    const mover = ASNS[3]!; // diskominfo
    at('2026-11-30T23:00:00Z'); // Tuesday 07:00 WITA
    await apelClock({});
    at('2026-11-30T23:05:00Z');
    expect((await checkIn(3, '2026-12-01.pagi')).status).toBe(201);

    const [moved] = await importAsnsAndSyncLinks([{ ...mover, opd: 'setda' }]);
    expect(moved).toMatchObject({ opd: 'setda' });
    const again = await checkIn(3, '2026-12-01.pagi');

    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ repeat: true, checkin: { opd: 'diskominfo', status: 'hadir' } });
    expect((await allItems('checkins')).filter((i) => i.nip === mover.nip && i.sesiId === '2026-12-01.pagi')).toHaveLength(1);

    at('2026-12-01T00:01:00Z');
    await apelClock({});
    const recaps = Object.fromEntries((await listRecaps('2026-12-01.pagi')).map((r) => [r.opd, r]));
    expect(recaps.setda).toMatchObject({ expected: 4, hadir: 1, tidakHadir: 3 });
    expect(recaps.diskominfo).toMatchObject({ expected: 0, hadir: 0, tidakHadir: 0 });
  });
});

describe('what an ASN sees', () => {
  it('GET /api/me shows who they are, their OPD, today and this week with statuses', async () => {
    at('2026-11-30T07:50:00Z'); // Monday 15:50 WITA: pagi closed, sore open
    await apelClock({});
    const res = await call(me, { path: '/api/me', token: tokenOf(2) });

    expect(res.status).toBe(200);
    expect(res.body.asn).toMatchObject({ nip: ASNS[2]!.nip, nama: ASNS[2]!.nama, role: 'asn' });
    expect(res.body.opd).toEqual({ kode: 'setda', nama: 'Sekretariat Daerah', wfa: true });
    expect(res.body.zoneLabel).toBe('WITA');
    expect(res.body.today.map((s: { id: string; state: string; status: string }) => [s.id, s.state, s.status])).toEqual([
      ['2026-11-30.pagi', 'ditutup', 'tidak_hadir'],
      ['2026-11-30.sore', 'dibuka', 'belum'],
    ]);
    expect(res.body.week.map((s: { id: string }) => s.id)).toEqual([
      '2026-11-30.pagi',
      '2026-11-30.sore',
      '2026-12-01.pagi',
      '2026-12-01.sore',
    ]);
  });

  it('GET /api/me tells staff of an exempt OPD that their OPD does not work from anywhere', async () => {
    const res = await call(me, { path: '/api/me', token: tokenOf(4) });
    expect(res.body.opd).toMatchObject({ kode: 'dinkes', wfa: false });
  });

  it('GET /api/schedule lists the next 14 days of apel without holidays', async () => {
    at('2026-11-30T02:00:00Z'); // Monday 10:00 WITA
    const res = await call(schedule, { path: '/api/schedule', token: tokenOf(0) });
    expect(res.status).toBe(200);
    expect(res.body.sesi.map((s: { id: string }) => s.id)).toEqual([
      '2026-11-30.sore',
      '2026-12-01.pagi',
      '2026-12-01.sore',
      '2026-12-08.pagi',
      '2026-12-08.sore',
    ]);
    expect(res.body.libur).toEqual([{ date: '2026-12-07', jenis: 'cuti_bersama', keterangan: 'Contoh cuti bersama' }]);
  });

  it('refuses both reads without a valid link', async () => {
    expect((await call(me, { path: '/api/me' })).status).toBe(401);
    expect((await call(schedule, { path: '/api/schedule', token: 'B'.repeat(43) })).status).toBe(401);
  });
});
