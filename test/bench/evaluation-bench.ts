/**
 * `npm run bench:evaluation`: the evaluation of a quarter for 36 OPDs and 5,000 ASN, through
 * the heads' handler (as API Gateway invokes it) against DynamoDB Local in memory. The close's
 * aggregates of the quarter and of the previous one (two quarters of Monday and Tuesday apel,
 * pagi and sore: 104 sesi × 36 OPDs = 3,744 items) are written first, each made by the close's
 * own core function from simulated check-ins; then the admin's regency view, its CSV and a
 * head's OPD view are timed, with the DynamoDB requests each made and the bytes read. A
 * script, not a test: the figures depend on the machine. What the answers must be is asserted
 * in test/integration/evaluation.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startEngine } from '../../functions/local/engine';
import { freePort } from '../../functions/local/free-port';
import { check, timed } from './measure';

const root = new URL('../../', import.meta.url).pathname;
const ASN = 5000;
const OPDS = 36;
/** Thursday 14 January 2027, 10:00 WITA: Q4 2026 is over, compared with Q3. */
const CLOCK = '2027-01-14T10:00:00+08:00';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.AWS_REGION ??= 'ap-southeast-3';
process.env.APEL_LOG_LEVEL ??= 'WARN';

const KECAMATAN = ['Bolaang Uki', 'Posigadan', 'Helumo', 'Pinolosian', 'Pinolosian Tengah', 'Pinolosian Timur', 'Tomini'];

async function main() {
  const engine = await startEngine({ port: await freePort() });
  process.env.DYNAMODB_ENDPOINT = engine.endpoint;
  process.env.APEL_CONFIG = readFileSync(join(root, 'apel.config.json'), 'utf8');
  const { setServerClock } = await import('../../functions/runtime/clock');
  const { createTables, useLocalTables } = await import('../../functions/local/tables');
  const { localClientConfig } = await import('../../functions/store/client-config');
  useLocalTables('bench-eval');
  const admin = new DynamoDBClient(localClientConfig(engine.endpoint));
  await createTables(admin, 'bench-eval');
  admin.destroy();
  const { parseConfig } = await import('../../functions/core/config');
  const { plannedSesi } = await import('../../functions/core/sesi');
  const { addDays } = await import('../../functions/core/time');
  const { aggregateSesi } = await import('../../functions/core/evaluation');
  const { importOpds, importAsns } = await import('../../functions/store/roster-store');
  const { issueLink } = await import('../../functions/store/link-store');
  const { putAggregates } = await import('../../functions/store/evaluation-store');
  const { db } = await import('../../functions/store/client');
  const { call } = await import('../support/events');
  const { handler: opdApi } = await import('../../functions/handlers/opd-api');
  setServerClock(new Date(CLOCK));
  const config = parseConfig(JSON.parse(process.env.APEL_CONFIG));

  let requests = 0;
  db.middlewareStack.add((next) => async (args) => {
    requests++;
    return next(args);
  }, { step: 'initialize', name: 'benchCount' });

  try {
    // 36 OPDs (every sixth exempt), 5,000 ASN spread over them, an admin and a head.
    const opds = Array.from({ length: OPDS }, (_, i) => ({ kode: `opd-${String(i + 1).padStart(2, '0')}`, nama: `OPD Uji ${i + 1}`, wfa: i % 6 !== 0 }));
    await importOpds(opds);
    const per = Math.ceil(ASN / OPDS);
    const nip = (i: number) => `19800101${String(200501 + (i % 12)).slice(0, 6)}1${String(i % 1000).padStart(3, '0')}`.slice(0, 18);
    const adminAsn = { nip: '198001012005011001', nama: 'Admin', jabatan: 'Admin', opd: 'opd-01', status: 'PNS' as const, noHp: '', role: 'admin' as const, active: true };
    const headAsn = { ...adminAsn, nip: '198001012005011002', nama: 'Kepala', role: 'pimpinan' as const, opd: 'opd-02' };
    await importAsns([adminAsn, headAsn]);
    const adminToken = await issueLink(adminAsn);
    const headToken = await issueLink(headAsn);

    const plans: ReturnType<typeof plannedSesi> = [];
    for (let d = '2026-07-01'; d <= '2026-12-31'; d = addDays(d, 1)) plans.push(...plannedSesi(d, config));
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
    const write = await timed(async () => {
      for (const plan of plans) {
        const aggregates = opds.map((o, oi) => {
          // Where they live: the seven kecamatan of Bolaang Mongondow Selatan (the evaluation's network per kecamatan).
          const staff = Array.from({ length: Math.min(per, ASN - oi * per) }, (_, k) => ({ nip: nip(oi * per + k), ...(process.env.BENCH_NO_KEC ? {} : { kecamatan: KECAMATAN[k % KECAMATAN.length] }) }));
          const checkins = new Map();
          for (const s of staff) {
            if (rand() < 0.07) continue;
            const late = rand() < 0.15;
            const at = new Date(plan.onTimeUntil.getTime() + (late ? 60_000 + Math.floor(rand() * 20) * 60_000 : -600_000)).toISOString();
            checkins.set(s.nip, { status: late ? 'terlambat' : 'hadir', at, laporan: rand() < 0.8 ? 'x' : undefined, jaringan: { ms: Math.floor(300 + rand() * 3000), ulang: rand() < 0.05 ? 1 : 0 } });
          }
          return aggregateSesi({ opd: o.kode, sesi: { id: plan.id, date: plan.date, slot: plan.slot as 'pagi' | 'sore', onTimeUntil: plan.onTimeUntil }, wfa: o.wfa, staff, checkins, excuses: [] });
        });
        await putAggregates(aggregates, new Date(CLOCK));
      }
    });
    const items = plans.length * OPDS;
    console.log(`aggregates written: ${items} (${plans.length} sesi × ${OPDS} OPDs, ${ASN} ASN) in ${(write.ms / 1000).toFixed(1)} s`);

    const measure = async (label: string, token: string, path: string) => {
      // Once to warm the handler's modules (a cold start is bench:coldstart's concern), then timed.
      await call(opdApi, { path, token });
      requests = 0;
      const { result, ms } = await timed(() => call(opdApi, { path, token }));
      check(result.status === 200, label, result.body);
      console.log(`${label}: ${ms.toFixed(0)} ms, ${requests} DynamoDB requests, answer ${(result.text.length / 1024).toFixed(0)} kB`);
      return result;
    };
    const regency = await measure('evaluation of Q4 2026 vs Q3, 36 OPDs (admin)', adminToken, '/api/opd/evaluasi?periode=2026-Q4');
    check(regency.body.kelompok.semua.ini.expected > 0 && regency.body.opd.length === OPDS, 'regency answer', regency.body.kelompok.semua.ini);
    await measure('the same as CSV (admin)', adminToken, '/api/opd/evaluasi.csv?periode=2026-Q4');
    await measure("one OPD's quarter (head)", headToken, '/api/opd/evaluasi?periode=2026-Q4');
    await measure('a month, 36 OPDs (admin)', adminToken, '/api/opd/evaluasi?periode=2026-11');
    // What a quarter's evaluation reads: every aggregate of the two quarters.
    const { aggregatesOf } = await import('../../functions/store/evaluation-store');
    const all = await aggregatesOf({ dari: '2026-07-01', sampai: '2026-12-31' });
    const bytes = all.reduce((s, a) => s + JSON.stringify(a).length, 0);
    console.log(`aggregate size: ${(bytes / all.length).toFixed(0)} B on average, ${(bytes / 1024).toFixed(0)} kB for both quarters (≈ ${Math.ceil(bytes / 4096 / 2)} RRU eventually consistent)`);
  } finally {
    await engine.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
