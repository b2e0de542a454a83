/**
 * `npm run bench`: every ASN of the demo roster (2,259) checks in to one apel window
 * from 50 concurrent clients, over HTTP, against the local runtime (same server,
 * handlers and DynamoDB Local as `npm start`, in memory). Prints throughput, latency
 * percentiles, records written (must equal the roster), DynamoDB requests per
 * check-in, process memory, and the gzip sizes of the check-in Lambda bundle and of
 * what a phone downloads to check in. A script, not a test: figures vary by machine.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseConfig } from '../../functions/core/config';
import { startEngine } from '../../functions/local/engine';
import { freePort } from '../../functions/local/free-port';
import { bundleForSize } from '../../infra/bundling';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const root = new URL('../../', import.meta.url).pathname;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 500);

async function main() {
  const t0 = performance.now();
  const engine = await startEngine({ port: await freePort() });
  const { startApp } = await import('../../functions/local/app');
  const app = await startApp({
    config: parseConfig(JSON.parse(readFileSync(join(root, 'apel.config.json'), 'utf8'))),
    endpoint: engine.endpoint,
    tablePrefix: 'bench',
    port: 0,
    webDir: join(root, 'web/dist'),
    demoDataDir: join(root, 'demo-data'),
    linksFile: join(mkdtempSync(join(tmpdir(), 'bench-')), 'tautan.csv'),
    demoMinutes: 60,
    scheduler: false,
  });
  const setupSeconds = (performance.now() - t0) / 1000;
  const sesiId = app.demo!.id;
  const tokens = app.links.map((l) => new URL(l.tautan).hash.slice(3));

  const { db } = await import('../../functions/store/client');
  let requests = 0;
  db.middlewareStack.add((next) => (args) => (requests++, next(args)), { step: 'initialize', name: 'benchCount' });

  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

  const wave = async (list: string[]) => {
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < list.length) {
          const token = list[next++]!;
          const t = performance.now();
          const res = await fetch(`${app.url}/api/checkins`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ sesiId }),
          });
          await res.arrayBuffer();
          latencies.push(performance.now() - t);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      }),
    );
    return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), statuses };
  };

  requests = 0;
  const first = await wave(tokens);
  const firstRequests = requests;
  requests = 0;
  const repeatTokens = tokens.slice(0, REPEATS);
  const repeat = await wave(repeatTokens);
  const repeatRequests = requests;
  clearInterval(sampler);

  const { listOpds } = await import('../../functions/store/roster-store');
  const { listCheckins } = await import('../../functions/store/checkin-store');
  const records = (await Promise.all((await listOpds()).map((o) => listCheckins(sesiId, o.kode)))).flat();
  const distinct = new Set(records.map((r) => r.nip)).size;

  const checkinBundle = await bundleForSize(join(root, 'functions/handlers/checkin.ts'));
  const phone = phoneDownload(join(root, 'web/dist'));

  await app.stop();
  await engine.stop();

  const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!.toFixed(1);
  const report = {
    roster: tokens.length,
    clients: CLIENTS,
    setupSeconds: Number(setupSeconds.toFixed(1)),
    checkinsPerSecond: Number((tokens.length / first.seconds).toFixed(0)),
    latencyMs: { p50: pct(first.latencies, 50), p95: pct(first.latencies, 95), p99: pct(first.latencies, 99) },
    statuses: Object.fromEntries(first.statuses),
    recordsWritten: records.length,
    distinctAsn: distinct,
    dynamoRequestsPerCheckin: Number((firstRequests / tokens.length).toFixed(2)),
    repeats: {
      count: repeatTokens.length,
      statuses: Object.fromEntries(repeat.statuses),
      dynamoRequestsPerRepeat: Number((repeatRequests / repeatTokens.length).toFixed(2)),
      p95Ms: pct(repeat.latencies, 95),
    },
    peakRssMiB: Number((peakRss / 2 ** 20).toFixed(0)),
    checkinBundle: { bytes: checkinBundle.bytes, gzipBytes: checkinBundle.gzipBytes },
    phoneDownload: phone,
  };

  console.log(`
Apel WFA — check-in benchmark (local runtime, DynamoDB Local in memory)
  roster                      ${report.roster} ASN, ${CLIENTS} concurrent clients (setup ${report.setupSeconds} s)
  check-ins per second        ${report.checkinsPerSecond}
  latency p50 / p95 / p99     ${report.latencyMs.p50} / ${report.latencyMs.p95} / ${report.latencyMs.p99} ms
  responses                   ${JSON.stringify(report.statuses)}
  records written             ${report.recordsWritten} (distinct ASN ${report.distinctAsn}; must equal ${report.roster})
  DynamoDB requests/check-in  ${report.dynamoRequestsPerCheckin}
  repeats                     ${report.repeats.count} → ${JSON.stringify(report.repeats.statuses)}, ${report.repeats.dynamoRequestsPerRepeat} DynamoDB requests each, p95 ${report.repeats.p95Ms} ms
  peak RSS (server+clients)   ${report.peakRssMiB} MiB
  check-in Lambda bundle      ${kb(report.checkinBundle.bytes)} raw, ${kb(report.checkinBundle.gzipBytes)} gzip
  phone download to check in  ${kb(phone.gzipBytes)} gzip (${phone.files.map((f) => `${f.file} ${kb(f.gzipBytes)}`).join(', ')})
`);
  writeFileSync(join(mkdtempSync(join(tmpdir(), 'bench-out-')), 'result.json'), JSON.stringify(report, null, 2));
  const ok = report.recordsWritten === report.roster && report.distinctAsn === report.roster && (report.statuses[201] ?? 0) === report.roster;
  if (!ok) {
    console.error('FAILED: records written do not match the roster');
    process.exit(1);
  }
}

/** Everything the check-in page loads: index.html and the assets it references. */
function phoneDownload(dist: string) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
  const files = ['index.html', ...referenced].map((file) => {
    const body = readFileSync(join(dist, file));
    return { file, bytes: statSync(join(dist, file)).size, gzipBytes: gzipSync(body, { level: 9 }).byteLength };
  });
  const unreferenced = readdirSync(join(dist, 'assets')).filter((f) => !referenced.includes(`assets/${f}`));
  return { gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0), files, notLoadedUpFront: unreferenced };
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
