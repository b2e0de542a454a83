import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../functions/core/config';
import { handler as me } from '../../functions/handlers/me';
import { handler as opdApi } from '../../functions/handlers/opd-api';
import { seedDemoPast } from '../../functions/local/demo-past';
import { freshTables } from '../support/db';
import { call } from '../support/events';
import { ASNS, seedRoster } from '../support/roster';

/**
 * `npm start`'s demo past (functions/local/demo-past.ts) as the ASN sees it (issue 14 point 2):
 * their history gives the codes and minutes late the head's TPP month gives, and this week's
 * apel on their page agree with their history. Wednesday 2 December 2026, 10:00 WITA.
 */
const config = parseConfig(JSON.parse(process.env.APEL_CONFIG!));
const setda = ASNS.filter((a) => a.opd === 'setda');
const head = setda.find((a) => a.role === 'pimpinan')!;
let tokens: Map<string, string>;
const asAsn = (nip: string, path: string) => call(me, { path, token: tokens.get(nip)! });

beforeAll(async () => {
  await freshTables();
  tokens = await seedRoster();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-02T02:00:00Z'));
  await seedDemoPast(config, new Date());
});

describe('the demo past on the ASN page', () => {
  it("gives each ASN the codes and minutes late of the head's TPP month", async () => {
    const tpp = await call(opdApi, { path: '/api/opd/setda/tpp?bulan=2026-11', token: tokens.get(head.nip)! });
    expect(tpp.status).toBe(200);
    let late = 0;
    for (const a of setda) {
      const row = tpp.body.asn.find((r: { nip: string }) => r.nip === a.nip);
      const history = (await asAsn(a.nip, '/api/me/riwayat?bulan=2026-11')).body;
      expect(history.jumlah, a.nama).toEqual(row.jumlah);
      expect(history.menitTerlambat, a.nama).toBe(row.menitTerlambat);
      late += row.jumlah.TL;
      for (const apel of history.apel) expect(apel.menitTerlambat === null, `${a.nama} ${apel.sesiId}`).toBe(apel.kode !== 'TL');
    }
    expect(late).toBeGreaterThan(0);
  });

  it("shows this week's closed apel with the status their history gives", async () => {
    const STATUS: Record<string, string> = { H: 'hadir', TL: 'terlambat', TK: 'tidak_hadir' };
    let compared = 0;
    for (const a of setda) {
      const page = (await asAsn(a.nip, '/api/me')).body;
      const history = new Map<string, string>();
      for (const bulan of ['2026-11', '2026-12']) for (const h of (await asAsn(a.nip, `/api/me/riwayat?bulan=${bulan}`)).body.apel) history.set(h.sesiId, h.kode);
      for (const s of page.week.filter((w: { state: string }) => w.state === 'ditutup')) {
        const kode = history.get(s.id);
        if (!kode || !STATUS[kode]) continue;
        expect(s.status, `${a.nama} ${s.id}`).toBe(STATUS[kode]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});
