/**
 * `npm run bench:tpp`: the monthly Rekap TPP at a regency's scale: 5,000 ASN over the 36 demo
 * OPDs, every apel of November 2026 closed with its recaps (by the same core as a real close),
 * then the admin's month (JSON), the CSV per ASN and per OPD, and one OPD's month for its head,
 * each through its handler as API Gateway invokes it, against DynamoDB Local in memory. Prints
 * the time and the DynamoDB requests of each. A script, not a test: the figures depend on the
 * machine; what the answers must be is asserted in test/integration/survey-and-tpp.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startEngine } from '../../functions/local/engine';
import { freePort } from '../../functions/local/free-port';
import { check, timed } from './measure';
import { ROWS, SCALE_ADMIN, rosterAsns } from './scale-roster';

const root = new URL('../../', import.meta.url).pathname;
const MONTH = '2026-11';
/** Wednesday 2 December 2026, 10:00 WITA: November is over. */
const CLOCK = '2026-12-02T10:00:00+08:00';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.AWS_REGION ??= 'ap-southeast-3';
process.env.APEL_LOG_LEVEL ??= 'WARN';

async function main() {
  const engine = await startEngine({ port: await freePort() });
  process.env.DYNAMODB_ENDPOINT = engine.endpoint;
  process.env.APEL_CONFIG = readFileSync(join(root, 'apel.config.json'), 'utf8');
  const { setServerClock } = await import('../../functions/runtime/clock');
  const { createTables, useLocalTables } = await import('../../functions/local/tables');
  const { localClientConfig } = await import('../../functions/store/client-config');
  const { importRosterFiles } = await import('../../functions/cli/roster-import');
  const { importAsns, listOpds } = await import('../../functions/store/roster-store');
  const { issueLink } = await import('../../functions/store/link-store');
  const { openSesi, closeSesi } = await import('../../functions/store/sesi-store');
  const { plannedSesi } = await import('../../functions/core/sesi');
  const { recapOpd } = await import('../../functions/core/recap');
  const { parseConfig } = await import('../../functions/core/config');
  const { addDays } = await import('../../functions/core/time');
  const { db } = await import('../../functions/store/client');
  const { call } = await import('../support/events');
  useLocalTables('bench-tpp');
  const { handler: admin } = await import('../../functions/handlers/admin-api');
  const { handler: opdApi } = await import('../../functions/handlers/opd-api');
  const config = parseConfig(JSON.parse(process.env.APEL_CONFIG));

  // DynamoDB requests, counted at the one client every store uses.
  let requests = 0;
  const send = db.send.bind(db);
  db.send = ((command: never, ...rest: never[]) => {
    requests++;
    return send(command, ...rest);
  }) as typeof db.send;
  const measured = async <T>(work: () => Promise<T>) => {
    requests = 0;
    const t = await timed(work);
    return { ...t, requests };
  };

  try {
    const client = new DynamoDBClient(localClientConfig(engine.endpoint));
    await createTables(client, 'bench-tpp');
    client.destroy();
    await importRosterFiles({ opd: join(root, 'demo-data/opd.csv') });
    const opds = await listOpds();
    const staff = rosterAsns(ROWS, opds.map((o) => o.kode));
    await importAsns([...staff, SCALE_ADMIN]);
    const token = await issueLink(SCALE_ADMIN);
    const byOpd = new Map(opds.map((o) => [o.kode, [...staff, SCALE_ADMIN].filter((a) => a.opd === o.kode)]));

    // Every apel of the month, closed: ~85 % on time, ~8 % late by 1–120 minutes, the rest absent.
    const seedStart = performance.now();
    let sesiCount = 0;
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let d = `${MONTH}-01`; d.startsWith(MONTH); d = addDays(d, 1)) {
      for (const plan of plannedSesi(d, config)) {
        const recaps = opds.map((o) => {
          const checkins = new Map<string, { status: 'hadir' | 'terlambat'; at: string }>();
          for (const a of byOpd.get(o.kode) ?? []) {
            const r = rand();
            if (r < 0.85) checkins.set(a.nip, { status: 'hadir', at: new Date(plan.opensAt.getTime() + 60_000).toISOString() });
            else if (r < 0.93) checkins.set(a.nip, { status: 'terlambat', at: new Date(plan.onTimeUntil.getTime() + Math.ceil(rand() * 120) * 60_000).toISOString() });
          }
          return recapOpd(o.kode, o.wfa, byOpd.get(o.kode) ?? [], checkins);
        });
        await openSesi(plan, plan.opensAt);
        await closeSesi(plan.id, recaps, new Date(plan.closesAt.getTime() + 60_000));
        sesiCount++;
      }
    }
    const seedMs = performance.now() - seedStart;
    setServerClock(new Date(CLOCK));

    const month = await measured(() => call(admin, { path: `/api/admin/tpp?bulan=${MONTH}`, token }));
    check(month.result.status === 200 && month.result.body.total.asn === ROWS + 1, 'TPP month', month.result.body.total ?? month.result.body);
    const csv = await measured(() => call(admin, { path: `/api/admin/tpp.csv?bulan=${MONTH}`, token }));
    check(csv.result.status === 200 && csv.result.text.split('\r\n').length === ROWS + 3, 'TPP CSV', csv.result.text.slice(0, 300));
    const perOpd = await measured(() => call(admin, { path: `/api/admin/tpp.csv?bulan=${MONTH}&isi=opd`, token }));
    check(perOpd.result.status === 200, 'TPP CSV per OPD', perOpd.result.text.slice(0, 300));
    const largest = [...byOpd.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    const head = await measured(() => call(opdApi, { path: `/api/opd/${largest[0]}/tpp?bulan=${MONTH}`, token }));
    check(head.result.status === 200 && head.result.body.asn.length === largest[1].length, 'one OPD', head.result.body);

    const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
    console.log(`
Rekap TPP, ${MONTH}: ${fmt(ROWS + 1)} ASN in ${opds.length} OPDs, ${sesiCount} closed apel (${fmt(sesiCount * opds.length)} recap items; seeded in ${fmt(seedMs)} ms)
  GET /api/admin/tpp (the regency, per OPD)       ${fmt(month.ms).padStart(6)} ms  ${month.requests} DynamoDB requests  ${fmt(month.result.text.length / 1024)} kB
  GET /api/admin/tpp.csv (per ASN)                ${fmt(csv.ms).padStart(6)} ms  ${csv.requests} DynamoDB requests  ${fmt(csv.result.text.length / 1024)} kB
  GET /api/admin/tpp.csv?isi=opd (per OPD)        ${fmt(perOpd.ms).padStart(6)} ms  ${perOpd.requests} DynamoDB requests
  GET /api/opd/${largest[0]}/tpp (${largest[1].length} ASN, a head's month)  ${fmt(head.ms).padStart(6)} ms  ${head.requests} DynamoDB requests
  (per OPD: one BatchGetItem of its ${sesiCount} recap items and one Query of its excuses; the month's sesi records once; no scan)
`);
  } finally {
    await engine.stop();
  }
}

await main();
