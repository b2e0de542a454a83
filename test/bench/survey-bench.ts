/**
 * `npm run bench:survey`: Survei Kepuasan Masyarakat answers per second, through the survey
 * handler (as API Gateway invokes it) against DynamoDB Local in memory: 36 OPDs, 20 concurrent
 * citizens, waves of 30 answers per OPD per minute (the per-minute bound); then a flood of 100
 * answers to one OPD within one minute (30 recorded, 70 refused with 429, each by the same one
 * request); then the results of a quarter for all OPDs. Prints throughput, latency and DynamoDB
 * requests per answer. A script, not a test: what the answers must be is asserted in
 * test/integration/survey-and-tpp.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startEngine } from '../../functions/local/engine';
import { freePort } from '../../functions/local/free-port';
import { check, timed } from './measure';

const root = new URL('../../', import.meta.url).pathname;
const WAVES = Number(process.env.BENCH_WAVES ?? 3);
const CONCURRENCY = 20;

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.AWS_REGION ??= 'ap-southeast-3';
process.env.APEL_LOG_LEVEL ??= 'WARN';

const all = (v: number) => ({ persyaratan: v, prosedur: v, waktu: v, biaya: v, produk: v, kompetensi: v, perilaku: v, pengaduan: v, sarana: v });
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const engine = await startEngine({ port: await freePort() });
  process.env.DYNAMODB_ENDPOINT = engine.endpoint;
  process.env.APEL_CONFIG = readFileSync(join(root, 'apel.config.json'), 'utf8');
  const { setServerClock } = await import('../../functions/runtime/clock');
  const { createTables, useLocalTables } = await import('../../functions/local/tables');
  const { localClientConfig } = await import('../../functions/store/client-config');
  const { importRosterFiles } = await import('../../functions/cli/roster-import');
  const { listOpds } = await import('../../functions/store/roster-store');
  const { MAX_RESPONSES_PER_MINUTE } = await import('../../functions/core/survey');
  const { parseConfig } = await import('../../functions/core/config');
  const { db } = await import('../../functions/store/client');
  const { call } = await import('../support/events');
  useLocalTables('bench-survey');
  const { handler: survei } = await import('../../functions/handlers/survei');
  const { surveyResults } = await import('../../functions/usecases/survey/results');
  const config = parseConfig(JSON.parse(process.env.APEL_CONFIG));

  let requests = 0;
  const send = db.send.bind(db);
  db.send = ((command: never, ...rest: never[]) => {
    requests++;
    return send(command, ...rest);
  }) as typeof db.send;

  try {
    const client = new DynamoDBClient(localClientConfig(engine.endpoint));
    await createTables(client, 'bench-survey');
    client.destroy();
    await importRosterFiles({ opd: join(root, 'demo-data/opd.csv') });
    const opds = (await listOpds()).map((o) => o.kode);

    const latencies: number[] = [];
    let answered = 0;
    let device = 0;
    requests = 0;
    const start = performance.now();
    for (let wave = 0; wave < WAVES; wave++) {
      // Monday 30 November 2026 from 09:00 WITA, one minute per wave.
      setServerClock(new Date(Date.parse('2026-11-30T01:00:10Z') + wave * 60_000));
      const jobs = opds.flatMap((opd) => Array.from({ length: MAX_RESPONSES_PER_MINUTE }, () => opd));
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < jobs.length) {
            const opd = jobs[next++]!;
            const body = { perangkat: `bench-perangkat-${String(++device).padStart(8, '0')}`, jawaban: all(1 + (device % 4)) };
            const t = await timed(() => call(survei, { method: 'POST', path: `/api/survei/${opd}`, body }));
            check(t.result.status === 201, 'answer', t.result.body);
            latencies.push(t.ms);
            answered++;
          }
        }),
      );
    }
    const seconds = (performance.now() - start) / 1000;
    const perAnswer = requests / answered;

    // A flood at one desk within one minute: the bound holds, each refusal costs the same one request.
    setServerClock(new Date('2026-11-30T02:30:05Z'));
    requests = 0;
    const flood = await Promise.all(
      Array.from({ length: 100 }, (_, i) => call(survei, { method: 'POST', path: '/api/survei/dukcapil', body: { perangkat: `banjir-perangkat-${String(i).padStart(6, '0')}`, jawaban: all(1) } })),
    );
    const floodRequests = requests;
    const accepted = flood.filter((r) => r.status === 201).length;
    const refused = flood.filter((r) => r.status === 429).length;
    check(accepted === MAX_RESPONSES_PER_MINUTE && refused === 100 - accepted, 'flood', flood.map((r) => r.status));

    setServerClock(new Date('2026-12-02T10:00:00+08:00'));
    requests = 0;
    const quarter = await timed(() => surveyResults([], '2026-10-01', '2026-12-31', config));
    const quarterRequests = requests;
    check(quarter.result.opd.reduce((s, o) => s + o.semua.jawaban, 0) === answered + accepted, 'results', quarter.result.kelompok);

    latencies.sort((a, b) => a - b);
    const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d });
    console.log(`
Survei Kepuasan Masyarakat: ${fmt(answered)} answers, ${opds.length} OPDs × ${MAX_RESPONSES_PER_MINUTE} a minute × ${WAVES} minutes, ${CONCURRENCY} concurrent
  answers per second         ${fmt(answered / seconds)}
  latency p50 / p95 / p99    ${fmt(pct(latencies, 50))} / ${fmt(pct(latencies, 95))} / ${fmt(pct(latencies, 99))} ms
  DynamoDB requests/answer   ${fmt(perAnswer, 2)} (one TransactWriteItems)
  flood of 100 at one OPD    ${accepted} recorded, ${refused} refused with 429, ${floodRequests} DynamoDB requests in all
  results of a quarter       ${fmt(quarter.ms)} ms, ${quarterRequests} DynamoDB requests (36 OPDs: OPD list, holidays, one Query per month)
`);
  } finally {
    await engine.stop();
  }
}

await main();
