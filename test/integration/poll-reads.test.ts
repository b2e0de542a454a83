import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../functions/core/config';
import { plannedSesi } from '../../functions/core/sesi';
import { handler as checkin } from '../../functions/handlers/checkin';
import { handler as opdApi } from '../../functions/handlers/opd-api';
import { db } from '../../functions/store/client';
import { issueLink } from '../../functions/store/link-store';
import { importAsns } from '../../functions/store/roster-store';
import { handler as adminApi } from '../../functions/handlers/admin-api';
import { openSesi } from '../../functions/store/sesi-store';
import { keys, tableName } from '../../functions/store/tables';
import { declareDisruption } from '../../functions/usecases/admin/disruption';
import { closeApel } from '../../functions/usecases/apel-session';
import { freshTables } from '../support/db';
import { call } from '../support/events';
import { ASNS, seedRoster } from '../support/roster';

/**
 * Issue 13: a head's live roll polls every 15 s while the apel is open, with
 * If-None-Match. An unchanged poll must cost one small read, not the roster, the excuses
 * and every check-in of the OPD (about 8 DynamoDB requests before): one BatchGetItem for
 * the link, the OPD and the roll's versions, and, while check-ins may still come, one
 * query for the few index keys of the last seconds. Requests are counted on the one
 * DynamoDB client, as the benchmark counts them. Every change a head must see (a
 * check-in, an excuse, a uniform mark, a disruption, a roster change, the close) makes
 * the next poll a full answer.
 */

// Monday 30 November 2026 (WITA = UTC+8): apel pagi 07:00–07:30–08:00 = 23:00–23:30–00:00 UTC on the 29th.
const config = parseConfig(JSON.parse(process.env.APEL_CONFIG!));
const [pagi] = plannedSesi('2026-11-30', config) as [ReturnType<typeof plannedSesi>[0]];
const [head, staff, staff2] = ASNS as [(typeof ASNS)[0], (typeof ASNS)[0], (typeof ASNS)[0]];
let tokens: Map<string, string>;
const ADMIN = { ...ASNS[3]!, nip: '199911032023072011', nama: 'Admin BKPSDM', opd: 'diskominfo', role: 'admin' as const };
let adminToken: string;
let clock = Date.parse('2026-11-29T23:00:00Z');
/** The server clock moves on by `seconds` (a poll every 15 s). */
const later = (seconds = 15) => vi.setSystemTime(new Date((clock += seconds * 1000)));

const sent: string[] = [];
db.middlewareStack.add(
  (next, context) => (args) => {
    sent.push(String(context.commandName));
    return next(args);
  },
  { step: 'initialize', name: 'pollReadsCount' },
);

let etag: string | undefined;
/** One poll of the head's roll, as the page sends it; returns the status and the DynamoDB requests it made. */
async function poll(sesi?: string) {
  sent.length = 0;
  const res = await call(opdApi, {
    path: `/api/opd/setda/apel${sesi ? `?sesi=${sesi}` : ''}`,
    token: tokens.get(head.nip)!,
    ...(etag ? { headers: { 'if-none-match': etag } } : {}),
  });
  if (res.status === 200) etag = String(res.headers.etag);
  return { status: res.status, requests: [...sent], body: res.body };
}

beforeAll(async () => {
  await freshTables();
  tokens = await seedRoster();
  await importAsns([ADMIN]);
  adminToken = await issueLink(ADMIN);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(clock));
  await openSesi(pagi, new Date());
  later(60);
});
afterAll(() => void vi.useRealTimers());

describe('an unchanged poll of the live roll', () => {
  it('costs one BatchGetItem and one small query while the apel is open, instead of the whole roll', async () => {
    const first = await poll();
    later();
    const again = await poll();
    later();
    const third = await poll();

    expect(first.status).toBe(200);
    expect(first.requests.length).toBeGreaterThanOrEqual(4);
    expect(again).toMatchObject({ status: 304, requests: ['BatchGetItemCommand', 'QueryCommand'] });
    expect(third).toMatchObject({ status: 304, requests: ['BatchGetItemCommand', 'QueryCommand'] });
  });

  it('answers the new roll once an ASN checks in, then 304 again', async () => {
    later();
    expect((await call(checkin, { method: 'POST', path: '/api/checkins', token: tokens.get(staff.nip)!, body: { sesiId: pagi.id } })).status).toBe(201);
    later();
    const changed = await poll();
    later();
    const quiet = await poll();

    expect(changed.status).toBe(200);
    expect(changed.body.rows.find((r: { nip: string }) => r.nip === staff.nip)).toMatchObject({ status: 'hadir' });
    expect(quiet).toMatchObject({ status: 304, requests: ['BatchGetItemCommand', 'QueryCommand'] });
  });

  it('sees a check-in that reached the index only after the poll, recorded at a time before it', async () => {
    // Prepare: a fresh stamp, then a check-in recorded 10 s before that poll whose write arrives after it.
    later();
    expect((await poll()).status).toBe(304);
    later(20);
    expect((await poll()).status).toBe(304);
    const recordedAt = new Date(clock - 10_000).toISOString();
    await db.send(
      new PutCommand({
        TableName: tableName('checkins'),
        Item: {
          ...keys.checkin(pagi.id, staff2.nip),
          ...keys.checkinByAsn(staff2.nip, pagi.id),
          ...keys.checkinByOpd(pagi.id, 'setda', staff2.nip, recordedAt),
          sesiId: pagi.id,
          nip: staff2.nip,
          opd: 'setda',
          status: 'hadir',
          at: recordedAt,
        },
      }),
    );

    // Act
    later();
    const next = await poll();

    // Assert
    expect(next.status).toBe(200);
    expect(next.body.rows.find((r: { nip: string }) => r.nip === staff2.nip)).toMatchObject({ status: 'hadir', checkedInAt: recordedAt });
  });

  it.each([
    ['an excuse', () => call(opdApi, { method: 'POST', path: '/api/opd/setda/izin', token: tokens.get(head.nip)!, body: { nip: head.nip, jenis: 'dinas_luar', dari: '2026-11-30', sampai: '2026-11-30' } })],
    ['a uniform mark', () => call(opdApi, { method: 'PUT', path: `/api/opd/setda/seragam/${pagi.id}/${staff.nip}`, token: tokens.get(head.nip)!, body: { patuh: false, catatan: 'Tanpa PDH' } })],
    ['a disruption', () => declareDisruption({ nip: '199911032023072011', role: 'admin', opd: 'bkpsdm' }, pagi.id, { mode: 'perpanjang', menit: 10, keterangan: 'Listrik padam' }, new Date())],
    ['a roster change', () => importAsns([{ ...staff2, jabatan: 'Analis Kebijakan' }])],
  ])('answers the new roll after %s, then 304 again', async (_change, change) => {
    later();
    expect((await poll()).status).toBe(304);
    const result = await change();
    if (result && typeof result === 'object' && 'status' in result) expect(result.status).toBeLessThan(300);

    later();
    const changed = await poll();
    later(20);
    const quiet = await poll();

    expect(changed.status).toBe(200);
    expect(quiet.status).toBe(304);
  });
});

describe('an unchanged poll of the overview', () => {
  let overviewTag: string | undefined;
  async function overview() {
    sent.length = 0;
    const res = await call(adminApi, { path: '/api/admin/ringkasan?tanggal=2026-11-30', token: adminToken, ...(overviewTag ? { headers: { 'if-none-match': overviewTag } } : {}) });
    if (res.status === 200) overviewTag = String(res.headers.etag);
    return { status: res.status, requests: [...sent], body: res.body };
  }

  it('costs one BatchGetItem and one small query per OPD while the apel is open, and answers the new counts after a check-in', async () => {
    later();
    expect((await overview()).status).toBe(200);
    later();
    const quiet = await overview();
    later();
    await call(checkin, { method: 'POST', path: '/api/checkins', token: tokens.get(ASNS[3]!.nip)!, body: { sesiId: pagi.id } });
    later();
    const changed = await overview();
    later(20);
    const again = await overview();

    expect(quiet).toMatchObject({ status: 304, requests: ['BatchGetItemCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand'] });
    expect(changed.status).toBe(200);
    expect(changed.body.sesi[0].opd.find((o: { kode: string }) => o.kode === 'diskominfo').counts.hadir).toBe(1);
    expect(again.status).toBe(304);
  });
});

describe('after the apel', () => {
  it('answers the recap once the apel clock closed it, and then costs one BatchGetItem alone', async () => {
    // Prepare: past the (extended) close, the apel clock closes the sesi and writes the recaps.
    clock = Date.parse('2026-11-30T00:11:00Z');
    vi.setSystemTime(new Date(clock));
    await closeApel('2026-11-30', 'pagi', new Date());

    // Act
    later();
    const closed = await poll();
    later();
    const quiet = await poll();

    // Assert
    expect(closed.status).toBe(200);
    expect(closed.body.sesi).toMatchObject({ id: pagi.id, state: 'ditutup' });
    expect(quiet).toMatchObject({ status: 304, requests: ['BatchGetItemCommand'] });
  });

  it('does not answer 304 to the ETag of another sesi asked for by name', async () => {
    later();
    const other = await poll('2026-11-30.sore');

    expect(other.status).toBe(200);
    expect(other.body.sesi).toMatchObject({ id: '2026-11-30.sore' });
  });
});
