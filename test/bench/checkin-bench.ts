/**
 * `npm run bench`: every ASN of the demo roster (2,259) checks in to one apel window
 * from 50 concurrent clients, over HTTP, against the local runtime (same server,
 * handlers and DynamoDB Local as `npm start`, in memory). Half of them check in as real
 * phones do (issue 15): their link bound beforehand to a device key (POST /api/perangkat),
 * the window ticket of GET /api/me, an ECDSA P-256 signature over it and the elapsed time;
 * the other half unsigned, as before the rollout. The roster goes in four waves, unsigned
 * and signed by turns, so that the shared machine's drifting load falls on both alike.
 * Prints throughput, latency percentiles (all, unsigned, signed), records written (must
 * equal the roster), DynamoDB requests per check-in of each kind, the server CPU of one
 * verification (core/presence.ts, timed apart), process memory, and the gzip sizes of the
 * check-in Lambda bundle, of what a phone downloads to check in and of the service worker.
 * A script, not a test: figures vary by machine.
 */
import { generateKeyPairSync, sign as cryptoSign, webcrypto } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseConfig } from '../../functions/core/config';
import type { DeviceKey } from '../../functions/core/presence';
import { checkinMessage, parseElapsed, readTicket, signTicket, verifyDeviceSignature } from '../../functions/core/presence';
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

  const api = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };

  // Half the roster checks in as phones do: the link bound to a device key, the ticket of GET /api/me.
  const signers = new Map<string, { phone: Phone; tiket: string; ticketAt: number }>();
  const signedTokens = tokens.filter((_, i) => i % 2 === 1);
  const bindStarted = performance.now();
  await pool(signedTokens, 50, async (token) => {
    const phone = await newPhone();
    const bound = await api('POST', '/api/perangkat', token, { kunci: phone.kunci });
    if (bound.status !== 200) throw new Error(`binding: ${bound.status} ${JSON.stringify(bound.body)}`);
    const me = await api('GET', '/api/me', token);
    const tiket = (me.body as { bukti?: { tiket?: string; sesiId?: string } }).bukti;
    if (!tiket?.tiket || tiket.sesiId !== sesiId) throw new Error(`no ticket for ${sesiId}: ${JSON.stringify(tiket)}`);
    signers.set(token, { phone, tiket: tiket.tiket, ticketAt: performance.now() });
  });
  const bindSeconds = (performance.now() - bindStarted) / 1000;

  /** The check-in bodies of `list`, signed before the wave (the phones' work, not the server's): ms from the ticket to the tap. */
  const bodies = async (list: string[]) =>
    new Map(
      await Promise.all(
        list.map(async (token) => {
          const signer = signers.get(token);
          if (!signer) return [token, JSON.stringify({ sesiId })] as const;
          const ms = Math.round(performance.now() - signer.ticketAt);
          const tanda = await signer.phone.sign(checkinMessage(signer.tiket, ms));
          return [token, JSON.stringify({ sesiId, bukti: { tiket: signer.tiket, ms, tanda } })] as const;
        }),
      ),
    );

  const wave = async (list: string[]) => {
    const body = await bodies(list);
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const before = requests;
    const cpu = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < list.length) {
          const token = list[next++]!;
          const t = performance.now();
          const res = await fetch(`${app.url}/api/checkins`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: body.get(token),
          });
          await res.arrayBuffer();
          latencies.push(performance.now() - t);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    return { count: list.length, seconds, latencies: latencies.sort((x, y) => x - y), statuses, requests: requests - before, cpuUs: user + system };
  };
  type Wave = Awaited<ReturnType<typeof wave>>;
  const together = (waves: Wave[]) => ({
    count: waves.reduce((n, w) => n + w.count, 0),
    seconds: waves.reduce((n, w) => n + w.seconds, 0),
    latencies: waves.flatMap((w) => w.latencies).sort((a, b) => a - b),
    statuses: waves.reduce((m, w) => (w.statuses.forEach((n, k) => m.set(k, (m.get(k) ?? 0) + n)), m), new Map<number, number>()),
    requests: waves.reduce((n, w) => n + w.requests, 0),
    cpuUs: waves.reduce((n, w) => n + w.cpuUs, 0),
  });

  // Four waves, unsigned and signed by turns (ABBA, so that neither kind always goes first or meets the fuller table).
  const unsignedTokens = tokens.filter((_, i) => i % 2 === 0);
  const halves = <T,>(xs: T[]) => [xs.slice(0, Math.ceil(xs.length / 2)), xs.slice(Math.ceil(xs.length / 2))] as const;
  const [u1, u2] = halves(unsignedTokens);
  const [s1, s2] = halves(signedTokens);
  requests = 0;
  const w1 = await wave(u1);
  const w2 = await wave(s1);
  const w3 = await wave(s2);
  const waves = { u1: w1, s1: w2, s2: w3, u2: await wave(u2) };
  const first = together(Object.values(waves));
  const unsigned = together([waves.u1, waves.u2]);
  const signed = together([waves.s1, waves.s2]);
  const firstRequests = first.requests;
  requests = 0;
  // Repeats: the unsigned half's first tokens (a signed repeat is the same request again: same answer, same 2 reads).
  const repeatTokens = unsignedTokens.slice(0, REPEATS);
  const repeat = await wave(repeatTokens);
  const repeatRequests = requests;
  clearInterval(sampler);
  const verification = verificationCpu();

  const { listOpds } = await import('../../functions/store/roster-store');
  const { listCheckins } = await import('../../functions/store/checkin-store');
  const records = (await Promise.all((await listOpds()).map((o) => listCheckins(sesiId, o.kode)))).flat();
  const distinct = new Set(records.map((r) => r.nip)).size;
  const provenRecords = records.filter((r) => r.bukti === 'perangkat').length;

  const checkinBundle = await bundleForSize(join(root, 'functions/handlers/checkin.ts'));
  const phone = phoneDownload(join(root, 'web/dist'));

  await app.stop();
  await engine.stop();

  const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!.toFixed(1);
  function kind(w: ReturnType<typeof together>) {
    return {
      count: w.count,
      checkinsPerSecond: Number((w.count / w.seconds).toFixed(0)),
      p50: pct(w.latencies, 50),
      p95: pct(w.latencies, 95),
      statuses: Object.fromEntries(w.statuses),
      dynamoRequestsPerCheckin: Number((w.requests / w.count).toFixed(2)),
      nodeCpuMsPerCheckin: Number((w.cpuUs / w.count / 1000).toFixed(2)),
    };
  }
  const report = {
    roster: tokens.length,
    clients: CLIENTS,
    setupSeconds: Number(setupSeconds.toFixed(1)),
    checkinsPerSecond: Number((tokens.length / first.seconds).toFixed(0)),
    latencyMs: { p50: pct(first.latencies, 50), p95: pct(first.latencies, 95), p99: pct(first.latencies, 99) },
    unsigned: kind(unsigned),
    signed: { ...kind(signed), bindingSeconds: Number(bindSeconds.toFixed(1)) },
    verification,
    statuses: Object.fromEntries(first.statuses),
    recordsWritten: records.length,
    provenRecords,
    distinctAsn: distinct,
    dynamoRequestsPerCheckin: Number((firstRequests / tokens.length).toFixed(2)),
    repeats: {
      count: repeatTokens.length,
      statuses: Object.fromEntries(repeat.statuses),
      dynamoRequestsPerRepeat: Number((repeatRequests / repeatTokens.length).toFixed(2)),
      p95Ms: pct(repeat.latencies, 95),
    },
    peakRssMiB: Number((peakRss / 2 ** 20).toFixed(0)),
    serviceWorker: { bytes: statSync(join(root, 'web/dist/sw.js')).size, gzipBytes: gzipSync(readFileSync(join(root, 'web/dist/sw.js')), { level: 9 }).byteLength },
    checkinBundle: { bytes: checkinBundle.bytes, gzipBytes: checkinBundle.gzipBytes },
    phoneDownload: phone,
  };

  console.log(`
Apel WFA — check-in benchmark (local runtime, DynamoDB Local in memory)
  roster                      ${report.roster} ASN, ${CLIENTS} concurrent clients (setup ${report.setupSeconds} s)
  check-ins per second        ${report.checkinsPerSecond}
  latency p50 / p95 / p99     ${report.latencyMs.p50} / ${report.latencyMs.p95} / ${report.latencyMs.p99} ms
  unsigned (${report.unsigned.count})           ${report.unsigned.checkinsPerSecond} per second, p50 / p95 ${report.unsigned.p50} / ${report.unsigned.p95} ms, ${report.unsigned.dynamoRequestsPerCheckin} DynamoDB requests each, ${report.unsigned.nodeCpuMsPerCheckin} ms Node CPU each, ${JSON.stringify(report.unsigned.statuses)}
  signed, key bound (${report.signed.count})   ${report.signed.checkinsPerSecond} per second, p50 / p95 ${report.signed.p50} / ${report.signed.p95} ms, ${report.signed.dynamoRequestsPerCheckin} DynamoDB requests each, ${report.signed.nodeCpuMsPerCheckin} ms Node CPU each, ${JSON.stringify(report.signed.statuses)} (keys bound and tickets fetched before: ${report.signed.bindingSeconds} s)
  server CPU per verification ${report.verification.coldUs} µs with the key's import (each ASN once per warm function), ${report.verification.warmUs} µs with it cached (ticket HMAC + ECDSA P-256 verify; ${report.verification.n} of each)
  responses                   ${JSON.stringify(report.statuses)}
  records written             ${report.recordsWritten} (distinct ASN ${report.distinctAsn}; must equal ${report.roster}; ${report.provenRecords} proven by the phone's key, must equal ${report.signed.count})
  DynamoDB requests/check-in  ${report.dynamoRequestsPerCheckin}
  repeats                     ${report.repeats.count} → ${JSON.stringify(report.repeats.statuses)}, ${report.repeats.dynamoRequestsPerRepeat} DynamoDB requests each, p95 ${report.repeats.p95Ms} ms
  peak RSS (server+clients)   ${report.peakRssMiB} MiB
  check-in Lambda bundle      ${kb(report.checkinBundle.bytes)} raw, ${kb(report.checkinBundle.gzipBytes)} gzip
  phone download to check in  ${kb(phone.gzipBytes)} gzip (${phone.files.map((f) => `${f.file} ${kb(f.gzipBytes)}`).join(', ')})
  service worker (sw.js)      ${kb(report.serviceWorker.bytes)} raw, ${kb(report.serviceWorker.gzipBytes)} gzip
`);
  writeFileSync(join(mkdtempSync(join(tmpdir(), 'bench-out-')), 'result.json'), JSON.stringify(report, null, 2));
  const ok =
    report.recordsWritten === report.roster &&
    report.distinctAsn === report.roster &&
    (report.statuses[201] ?? 0) === report.roster &&
    report.provenRecords === report.signed.count;
  if (!ok) {
    console.error('FAILED: records written do not match the roster, or a signed check-in was not recorded as proven');
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

interface Phone {
  kunci: DeviceKey;
  sign: (message: string) => Promise<string>;
}

/** A phone as the page makes it (web/src/pages/Checkin/presence.ts): WebCrypto ECDSA P-256, a non-extractable private key, the public key as JWK. */
async function newPhone(): Promise<Phone> {
  const pair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const { x, y } = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
  const sign = async (message: string) =>
    Buffer.from(await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode(message))).toString('base64url');
  return { kunci: { kty: 'EC', crv: 'P-256', x: x!, y: y! }, sign };
}

/**
 * What verifying one signed check-in costs the server's CPU, apart from the HTTP and the
 * database: the ticket's HMAC, the elapsed time, the ECDSA P-256 signature (core/presence.ts),
 * as usecases/presence.ts runs them. Once per key with its import (a warm function meets
 * each ASN about once per apel) and once more with it cached; process.cpuUsage (user +
 * system) around `n` of each, made beforehand.
 */
function verificationCpu(n = 2000) {
  const secret = 'b'.repeat(43);
  const keys = Array.from({ length: n }, () => generateKeyPairSync('ec', { namedCurve: 'P-256' }));
  const now = Date.now();
  const cases = keys.map(({ publicKey, privateKey }, i) => {
    const jwk = publicKey.export({ format: 'jwk' }) as { x: string; y: string };
    const tiket = signTicket(secret, { nip: `19800101200501100${i % 10}`, sesiId: '2026-11-30.pagi', at: now, exp: now + 1_800_000 });
    const ms = 1000 + i;
    const tanda = cryptoSign('sha256', Buffer.from(checkinMessage(tiket, ms)), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
    return { key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y } as DeviceKey, tiket, ms, tanda };
  });
  const run = () => {
    const start = process.cpuUsage();
    for (const c of cases) {
      readTicket(c.tiket, [secret]);
      verifyDeviceSignature(c.key, checkinMessage(c.tiket, parseElapsed(c.ms)), c.tanda);
    }
    const used = process.cpuUsage(start);
    return Number(((used.user + used.system) / n).toFixed(0));
  };
  const coldUs = run();
  const warmUs = run();
  return { n, coldUs, warmUs };
}

/** `work` on each of `items`, at most `width` at a time. */
async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
