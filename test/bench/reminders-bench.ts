/**
 * npm run bench:reminders — the reminders' fan-out at a regency's scale (issue 12): 5,000 ASN
 * in 36 OPDs, each with one push subscription whose endpoint is a local https receiver that
 * answers like a push service (201; 1 % 410 gone; 1 % 429 with Retry-After: 1 the first time).
 * The apel opens, the opening's plan job goes through the in-process queue (batches of 5 jobs,
 * 2 invocations at once, as the SQS event source on AWS) to the sender, which encrypts and signs
 * every message with web-push. Prints the time to the last push, the sender invocations and jobs,
 * DynamoDB requests, what the receiver saw (a sample decrypted with the subscriptions' keys, RFC
 * 8291) and the monthly cost the model gives reminders. Timings are printed, never asserted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startEngine } from '../../functions/local/engine';
import { freePort } from '../../functions/local/free-port';
import { startPushReceiver } from '../support/push-receiver';
import { check, timed } from './measure';
import { nipOf, ROWS } from './scale-roster';

const root = new URL('../../', import.meta.url).pathname;

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.AWS_REGION ??= 'ap-southeast-3';
process.env.APEL_LOG_LEVEL ??= 'WARN';

async function main() {
  const engine = await startEngine({ port: await freePort() });
  const receiver = await startPushReceiver();
  process.env.DYNAMODB_ENDPOINT = engine.endpoint;
  process.env.APEL_CONFIG = readFileSync(join(root, 'apel.config.json'), 'utf8');
  process.env.APEL_PUSH_CA_FILE = receiver.caFile;
  const { setServerClock } = await import('../../functions/runtime/clock');
  const { createTables, useLocalTables } = await import('../../functions/local/tables');
  const { localClientConfig } = await import('../../functions/store/client-config');
  const { importRosterFiles } = await import('../../functions/cli/roster-import');
  const { importAsns, listOpds } = await import('../../functions/store/roster-store');
  const { batchWrite } = await import('../../functions/store/batch');
  const { keys, tableName } = await import('../../functions/store/tables');
  const { db } = await import('../../functions/store/client');
  const { plannedSesi } = await import('../../functions/core/sesi');
  const { parseConfig } = await import('../../functions/core/config');
  const { openSesi } = await import('../../functions/store/sesi-store');
  const { enqueue, local } = await import('../../functions/store/reminder-queue');
  const { vapidKeys } = await import('../../functions/store/vapid-key-store');
  const { currentKey } = await import('../../functions/core/vapid');
  const { defaultUsage, estimateMonthlyCost } = await import('../../functions/cli/cost-model');
  useLocalTables('bench-pengingat');
  const { handler: sender } = await import('../../functions/handlers/reminder-sender');
  const config = parseConfig(JSON.parse(process.env.APEL_CONFIG));

  let requests = 0;
  const send = db.send.bind(db);
  db.send = ((command: never, ...rest: never[]) => {
    requests++;
    return send(command, ...rest);
  }) as typeof db.send;

  try {
    const client = new DynamoDBClient(localClientConfig(engine.endpoint));
    await createTables(client, 'bench-pengingat');
    client.destroy();
    await importRosterFiles({ opd: join(root, 'demo-data/opd.csv') });
    const opds = (await listOpds()).map((o) => o.kode);
    const staff = Array.from({ length: ROWS }, (_, i) => ({
      nip: nipOf(i), nama: `Pegawai Nomor ${i + 1}`, jabatan: 'Pelaksana', opd: opds[i % opds.length]!, status: 'PNS' as const, noHp: '', role: 'asn' as const, active: true,
    }));
    await importAsns(staff);

    // Monday 30 November 2026, 07:00 WITA: apel pagi opens.
    const now = new Date('2026-11-29T23:00:00Z');
    setServerClock(now);
    const kunci = currentKey(await vapidKeys(now)).publik;
    const subs = staff.map((a, i) => ({ nip: a.nip, sub: receiver.subscription(`s${i}`) }));
    subs.forEach(({ sub }, i) => {
      if (i % 100 === 7) receiver.script(`s${i}`, 410);
      if (i % 100 === 42) receiver.script(`s${i}`, { status: 429, retryAfter: '1' }, 201);
    });
    await batchWrite(
      tableName('reminders'),
      subs.map(({ nip, sub }) => ({
        ...keys.pushSubscriptions(nip), nip, tokenHash: 'bench', v: 1,
        langganan: [{ endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth, kunci, dibuat: now.toISOString() }],
      })),
    );
    const [pagi] = plannedSesi('2026-11-30', config);
    await openSesi(pagi!, now);

    local.use(sender);
    requests = 0;
    const first = await timed(async () => {
      await enqueue([{ jenis: 'rencana', alasan: 'buka', sesiId: pagi!.id }]);
      await local.drain();
    });
    const firstArrivals = receiver.arrivals.length;
    // The 429s come back after their real Retry-After (1 s), as SQS's delay would bring them.
    const all = await timed(async () => {
      while (local.pending().delayed > 0 || local.pending().ready > 0) {
        await new Promise((r) => setTimeout(r, 200));
        await local.drain();
      }
    });

    const byStatus = new Map<number, number>();
    for (const a of receiver.arrivals) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    const delivered = new Set(receiver.arrivals.filter((a) => a.status === 201).map((a) => a.path));
    check(delivered.size === ROWS - ROWS / 100, 'every subscription but the gone ones got its push', { delivered: delivered.size });
    // A sample of the messages, decrypted as the phone would.
    for (const { sub } of subs.filter((_, i) => i % 250 === 0)) {
      const [message] = receiver.delivered(sub);
      check(message?.title === 'Apel Pagi dibuka', 'decrypted payload', message);
    }
    const left = (await import('../support/db')).allItems;
    const gone = (await left('reminders')).filter((i) => String(i.pk).startsWith('PUSH#')).length;

    const cost = estimateMonthlyCost(defaultUsage(3000));
    const queueItem = cost.items.find((i) => i.service === 'SQS' && i.item.startsWith('reminders'))!;
    const without = estimateMonthlyCost({ ...defaultUsage(3000), reminderOptInShare: 0 });
    console.log(
      [
        `Pengingat: fan-out ke ${ROWS.toLocaleString('id-ID')} langganan (penerima push lokal https, web-push aes128gcm + VAPID)`,
        `  antrean kosong pertama kali: ${(first.ms / 1000).toFixed(1)} s (${firstArrivals} permintaan push, ${Math.round(firstArrivals / (first.ms / 1000))}/s); semua terkirim termasuk 429 yang diulang: ${((first.ms + all.ms) / 1000).toFixed(1)} s`,
        `  pemanggilan pengirim: ${local.invocations} (1 rencana, ${Math.ceil(ROWS / 50)} pekerjaan kirim berisi 50, 5 pekerjaan per pemanggilan, paling banyak 2 bersamaan; ditambah pekerjaan ulang untuk 429)`,
        `  permintaan DynamoDB: ${requests} (daftar pegawai, izin dan presensi per OPD, BatchGet langganan, hapus yang hilang)`,
        `  jawaban penerima: ${[...byStatus].map(([s, n]) => `${s} × ${n}`).join(', ')}`,
        `  langganan tersisa: ${gone} (410 dihapus: ${ROWS - gone})`,
        `  biaya bulanan (npm run cost, 3.000 ASN): ${queueItem.item}, ${queueItem.quantity}: US$${queueItem.usd.toFixed(2)} sesudah free tier; total US$${cost.totalUsd.toFixed(2)} (tanpa pengingat US$${without.totalUsd.toFixed(2)})`,
      ].join('\n'),
    );
  } finally {
    local.use(undefined);
    await receiver.close();
    await engine.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
