import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as apelClock } from '../../functions/handlers/apel-clock';
import { handler as checkin } from '../../functions/handlers/checkin';
import { handler as opdApi } from '../../functions/handlers/opd-api';
import { handler as sender } from '../../functions/handlers/reminder-sender';
import { handler as reminders } from '../../functions/handlers/reminders';
import { db } from '../../functions/store/client';
import { issueLink, revokeLink } from '../../functions/store/link-store';
import { local } from '../../functions/store/reminder-queue';
import { allItems, freshTables } from '../support/db';
import { call } from '../support/events';
import type { BrowserSubscription, PushReceiver } from '../support/push-receiver';
import { checkVapid, startPushReceiver } from '../support/push-receiver';
import { ASNS, seedRoster } from '../support/roster';

/**
 * Issue 12: reminders end to end on DynamoDB Local, up to the wire. ASN subscribe through
 * the API with subscriptions made as a browser makes them (their endpoints on a local
 * https receiver that answers like a push service); the apel clock queues the opening's
 * and the soon-late reminder, the in-process queue hands the jobs to the sender, which
 * pushes with web-push; the receiver decrypts each message with the subscription's
 * private key (RFC 8291) and checks its VAPID JWT (RFC 8292). A 410 removes that device,
 * a 429 is retried after its Retry-After, the excused and the checked in get no
 * soon-late push, the head's nudge goes once, and a reissued or revoked link drops its
 * subscriptions.
 */

// Monday 30 November 2026, WITA (UTC+8): apel pagi opens 07:00 (23:00Z on the 29th), on time until 07:30.
const SESI = '2026-11-30.pagi';
const [head, hendra, sofyan, zul, dinkes] = ASNS as [(typeof ASNS)[0], (typeof ASNS)[0], (typeof ASNS)[0], (typeof ASNS)[0], (typeof ASNS)[0]];
const at = (hhmm: string) => vi.setSystemTime(new Date(`2026-11-30T${hhmm}:00+08:00`));
let tokens: Map<string, string>;
let receiver: PushReceiver;
const subs = {} as Record<'hendraHp' | 'hendraLama' | 'sofyan' | 'zul' | 'dinkes', BrowserSubscription>;

const asAsn = (nip: string, method: string, body?: unknown) => call(reminders, { method, path: '/api/me/pengingat', token: tokens.get(nip)!, body });
const subscribe = (nip: string, sub: BrowserSubscription | Record<string, unknown>) => {
  const { endpoint, expirationTime, keys } = sub as BrowserSubscription;
  return asAsn(nip, 'PUT', { langganan: { endpoint, expirationTime, keys } });
};
const tick = async () => {
  await apelClock({});
  await local.drain();
};
const titles = (sub: BrowserSubscription) => receiver.delivered(sub).map((m) => m.title);
const subscriptionItem = async (nip: string) => (await allItems('reminders')).find((i) => i.pk === `PUSH#${nip}`) as { langganan: unknown[] } | undefined;

const sent: string[] = [];
db.middlewareStack.add(
  (next, context) => (args) => {
    sent.push(String(context.commandName));
    return next(args);
  },
  { step: 'initialize', name: 'remindersCount' },
);

beforeAll(async () => {
  receiver = await startPushReceiver();
  process.env.APEL_PUSH_CA_FILE = receiver.caFile;
  await freshTables();
  tokens = await seedRoster();
  local.use(sender);
  for (const name of Object.keys({ hendraHp: 0, hendraLama: 0, sofyan: 0, zul: 0, dinkes: 0 }) as (keyof typeof subs)[]) subs[name] = receiver.subscription(name);
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterAll(async () => {
  vi.useRealTimers();
  local.use(undefined);
  await receiver.close();
});

describe('switching reminders on and off', () => {
  it('refuses a malformed subscription with 400 and stores nothing', async () => {
    at('06:50');
    const good = subs.hendraHp;
    const bad = [
      { ...good, endpoint: good.endpoint.replace('https:', 'http:') },
      { ...good, keys: { ...good.keys, auth: Buffer.alloc(8).toString('base64url') } },
      { ...good, keys: { ...good.keys, p256dh: Buffer.alloc(64, 4).toString('base64url') } },
    ];
    for (const b of bad) {
      const res = await subscribe(hendra.nip, b);
      expect(res).toMatchObject({ status: 400, body: { error: { code: 'LANGGANAN_TIDAK_VALID' } } });
      expect(res.body.error.message).toMatch(/^Langganan pengingat tidak valid/);
    }
    expect(await allItems('reminders')).toEqual([]);
  });

  it('keeps each device with the link, at most 3 (a fourth replaces the oldest), and switches one off', async () => {
    const state = await asAsn(head.nip, 'GET');
    expect(state).toMatchObject({ status: 200, body: { perangkat: [], maksPerangkat: 3, menitSebelumTerlambat: 10 } });
    expect(Buffer.from(state.body.kunciPublik, 'base64url')).toHaveLength(65);
    const devices = ['a', 'b', 'c', 'd'].map((d) => receiver.subscription(`head-${d}`));
    for (const [i, d] of devices.entries()) {
      at(`06:5${i}`);
      expect((await subscribe(head.nip, d)).status).toBe(200);
    }
    const after = (await asAsn(head.nip, 'GET')).body;
    expect(after.perangkat).toHaveLength(3);
    expect(((await subscriptionItem(head.nip))!.langganan as { endpoint: string }[]).map((s) => s.endpoint)).toEqual(devices.slice(1).map((d) => d.endpoint));
    for (const d of devices) expect((await asAsn(head.nip, 'DELETE', { endpoint: d.endpoint })).status).toBe(200);
    expect((await asAsn(head.nip, 'GET')).body.perangkat).toEqual([]);
    expect(await subscriptionItem(head.nip)).toBeUndefined();
  });

  it('a revoked link can no longer subscribe', async () => {
    const extra = ASNS[4]!;
    const old = tokens.get(extra.nip)!;
    tokens.set(extra.nip, await issueLink(extra));
    const res = await call(reminders, { method: 'PUT', path: '/api/me/pengingat', token: old, body: { langganan: subs.dinkes } });
    expect(res.status).toBe(401);
  });

  it('subscribes the staff of the test', async () => {
    at('06:58');
    for (const [nip, sub] of [[hendra.nip, subs.hendraLama], [hendra.nip, subs.hendraHp], [sofyan.nip, subs.sofyan], [zul.nip, subs.zul], [dinkes.nip, subs.dinkes]] as const) {
      expect((await subscribe(nip, sub)).status).toBe(200);
    }
    // Sofyan is sick today: excused, so not awaited.
    const excuse = await call(opdApi, { method: 'POST', path: '/api/opd/setda/izin', token: tokens.get(head.nip)!, body: { nip: sofyan.nip, jenis: 'sakit', dari: '2026-11-30', sampai: '2026-11-30', catatan: 'Demam' } });
    expect(excuse.status).toBe(201);
  });
});

describe('the pushes of an apel', () => {
  it('at the opening: every expected ASN who opted in, not the excused; encrypted for the subscription, signed with VAPID', async () => {
    receiver.script('hendraLama', 410);
    receiver.script('zul', { status: 429, retryAfter: '1' }, 201);
    at('07:00');
    await tick();
    const vapidKey = (await asAsn(hendra.nip, 'GET')).body.kunciPublik;

    expect(receiver.delivered(subs.hendraHp)).toEqual([
      { title: 'Apel Pagi dibuka', body: 'Apel Pagi sudah dibuka. Presensi tepat waktu sampai 07.30 WITA.', url: '/', tag: `${SESI}.buka` },
    ]);
    expect(titles(subs.dinkes)).toEqual(['Apel Pagi dibuka']); // an exempt OPD attends the virtual apel too
    expect(titles(subs.sofyan)).toEqual([]);
    for (const a of receiver.arrivals) {
      const endpoint = `${receiver.url}${a.path}`;
      expect(checkVapid(a.headers, endpoint, new Date()).publicKey).toBe(vapidKey);
      expect(a.headers).toMatchObject({ 'content-encoding': 'aes128gcm', urgency: 'high', ttl: '3600', topic: '2026-11-30pagibuka' });
    }
  });

  it('removes the device the push service says is gone (410), keeps the others', async () => {
    const kept = (await subscriptionItem(hendra.nip))!.langganan as { endpoint: string }[];
    expect(kept.map((s) => s.endpoint)).toEqual([subs.hendraHp.endpoint]);
  });

  it('sends again after Retry-After when the push service answers 429', async () => {
    expect(titles(subs.zul)).toEqual([]);
    expect(local.pending().delayed).toBe(1);
    await local.drain({ delayed: true });
    expect(titles(subs.zul)).toEqual(['Apel Pagi dibuka']);
    expect(receiver.arrivals.filter((a) => a.path.endsWith('/zul')).map((a) => a.status)).toEqual([429, 201]);
  });

  it('10 minutes before the on-time limit: only those not yet checked in, once', async () => {
    at('07:10');
    sent.length = 0;
    expect((await call(checkin, { method: 'POST', path: '/api/checkins', token: tokens.get(zul.nip)!, body: { sesiId: SESI } })).status).toBe(201);
    expect(sent).toHaveLength(2); // the check-in's hot path is untouched: 2 DynamoDB requests
    at('07:20');
    await tick();
    expect(titles(subs.hendraHp)).toEqual(['Apel Pagi dibuka']);
    at('07:21');
    await tick();
    at('07:22');
    await tick();
    expect(titles(subs.hendraHp)).toEqual(['Apel Pagi dibuka', 'Pengingat Apel Pagi']);
    expect(titles(subs.dinkes)).toEqual(['Apel Pagi dibuka', 'Pengingat Apel Pagi']);
    expect(titles(subs.zul)).toEqual(['Apel Pagi dibuka']);
    expect(titles(subs.sofyan)).toEqual([]);
  });

  it("the head's nudge: to the OPD's staff not yet checked in who opted in, once per apel, audited", async () => {
    at('07:25');
    const path = `/api/opd/setda/apel/${SESI}/pengingat`;
    const first = await call(opdApi, { method: 'POST', path, token: tokens.get(head.nip)! });
    // Not yet checked in at setda: the head and Hendra (Sofyan is excused); Hendra opted in.
    expect(first).toMatchObject({ status: 201, body: { belumHadir: 2, berlangganan: 1 } });
    await local.drain();
    expect(receiver.delivered(subs.hendraHp).at(-1)).toMatchObject({ title: 'Pengingat Apel Pagi', body: expect.stringMatching(/^Pimpinan mengingatkan/) });
    const again = await call(opdApi, { method: 'POST', path, token: tokens.get(head.nip)! });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'PENGINGAT_SUDAH_DIKIRIM', message: expect.stringContaining('07.25 WITA') } } });
    const lines = (await allItems('audit')).filter((l) => l.action === 'pengingat.kirim');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ opd: 'setda', target: `sesi:${SESI}`, after: { belumHadir: 2, berlangganan: 1 } });
    // Another OPD's head may not.
    expect((await call(opdApi, { method: 'POST', path: `/api/opd/diskominfo/apel/${SESI}/pengingat`, token: tokens.get(head.nip)! })).status).toBe(403);
  });

  it('a nudge outside an open apel is refused', async () => {
    at('08:05');
    await apelClock({});
    const res = await call(opdApi, { method: 'POST', path: `/api/opd/setda/apel/${SESI}/pengingat`, token: tokens.get(head.nip)! });
    expect(res).toMatchObject({ status: 409, body: { error: { code: 'APEL_TIDAK_DIBUKA' } } });
  });
});

describe('a link revoked or reissued', () => {
  it('drops its subscriptions in the same transaction', async () => {
    expect(await subscriptionItem(hendra.nip)).toBeDefined();
    expect(await subscriptionItem(zul.nip)).toBeDefined();
    await issueLink(hendra);
    expect(await revokeLink(zul.nip)).toBe(true);
    expect(await subscriptionItem(hendra.nip)).toBeUndefined();
    expect(await subscriptionItem(zul.nip)).toBeUndefined();
    expect(await subscriptionItem(dinkes.nip)).toBeDefined();
  });
});
