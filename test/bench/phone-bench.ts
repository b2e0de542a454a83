/**
 * `npm run bench:phone`: an ASN on a cheap phone on a weak rural network opens their
 * personal link and taps the button. Headless Chromium at 360 px, every request delayed
 * 400 ms, 400 kbit/s each way and the CPU slowed four times (Chrome DevTools Protocol:
 * Network.emulateNetworkConditions, Emulation.setCPUThrottlingRate), against the local
 * runtime (same server, handlers and DynamoDB Local as `npm start`, in memory) with the
 * server clock on a Wednesday morning and the demo apel open. Two scenarios:
 *
 * - **first visit**: an empty cache and no stored token: the link → *HADIR* shown;
 * - **returning**: the same browser profile after a first visit (unthrottled, no tap) that
 *   bound the phone's key and installed the service worker; the installed page's start URL
 *   `/` (the token kept in localStorage, the shell in the worker, the HTTP cache as left)
 *   → *HADIR* shown. Issue 15's goal: about two round trips (≤ 1.0 s).
 *
 * The service worker's own requests (its navigation answer's refresh, its install, anything it
 * fetches itself) get the same network conditions: Chrome applies a page's conditions to the
 * page's requests only, so the bench attaches to every service-worker target (browser-level
 * CDP) and throttles it too; each target has its own 400 kbit/s line, so the worker's requests
 * do not share the page's bandwidth as they would on a phone, and its CPU is not slowed (Chrome
 * throttles the CPU of pages only). A run whose page was answered by a worker that started
 * after the throttle was checked is flagged. Before this, a worker's requests were not throttled.
 *
 * Prints, per run and as the median, when the button became usable and when *HADIR* was
 * shown (noted in the page at the first frame after each, from the start of navigation; the
 * tap comes as soon as the button is usable), the requests that went over the network to
 * *HADIR* (the page's, less those the service worker answered, plus the worker's own, e.g. its
 * GET /api/me for an installed page) and the bytes received over the network by both.
 * `BENCH_RUNS` (5) runs of each; `BENCH_TIMELINE=1` prints each request's start and end;
 * `BENCH_VARIANTS=before=<dist>,after=<dist>` compares builds run by run in one process (build
 * one with `npx vite build --config web/vite.config.ts --outDir /tmp/<name> --emptyOutDir`),
 * without the CSP, which allows one build's inline script only (it says which it would block).
 * A script, not a test: the figures depend on the machine.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseConfig } from '../../functions/core/config';
import { CSP_DIRECTIVES } from '../../functions/http/security-headers';
import { startEngine } from '../../functions/local/engine';
import { freePort } from '../../functions/local/free-port';
import { setServerClock } from '../../functions/runtime/clock';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../support/browser';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.APEL_LOG_LEVEL ??= 'WARN';
const root = new URL('../../', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** The phone and its network. */
const PHONE = { width: 360, height: 740, latencyMs: 400, kbitPerSecond: 400, cpuSlowdown: 4 } as const;
/** Wednesday 2 December 2026, 10:00 WITA: no real apel that day, only the demo sesi. */
const WEDNESDAY_MORNING = '2026-12-02T10:00:00+08:00';

type Marked = { __marks: { usable?: number | null; hadir?: number } };
const HADIR_SHOWN = 'apel-bench: hadir shown';

/**
 * Runs in the page before its own scripts: notes when the button can be tapped, taps it
 * at that frame (a click in the page: Playwright's own tap, with its checks and round
 * trips to the browser, took 0.4–0.7 s more at CPU ×4, which is the harness, not the
 * page), and notes when HADIR shows, saying so on the console (`HADIR_SHOWN`): waiting for
 * it with page.waitForFunction would put Playwright's injected script (~0.15 s of the page's
 * main thread at CPU ×4) into the page while it starts, which is the harness too.
 */
const MARKS = `(() => {
  const marks = (window.__marks = {});
  const at = (name, then) => requestAnimationFrame(() => { marks[name] ??= performance.now(); then?.(); });
  new MutationObserver(() => {
    const button = document.querySelector('[data-testid="checkin-button"]');
    if (marks.usable === undefined && button && !button.disabled) { marks.usable = null; at('usable', () => button.click()); }
    if (marks.hadir === undefined && document.querySelector('[data-testid="checkin-result"][data-status="hadir"]')) at('hadir', () => console.debug('${HADIR_SHOWN}'));
  }).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

async function main() {
  setServerClock(new Date(WEDNESDAY_MORNING));
  const engine = await startEngine({ port: await freePort() });
  const { startApp } = await import('../../functions/local/app');
  // The site the server serves: web/dist, or by turns each build of BENCH_VARIANTS (copied in before each run).
  const variants = variantsFrom(process.env.BENCH_VARIANTS);
  const served = variants.length > 1 ? mkdtempSync(join(tmpdir(), 'bench-phone-web-')) : variants[0]!.dir;
  const app = await startApp({
    config: parseConfig(JSON.parse(readFileSync(join(root, 'apel.config.json'), 'utf8'))),
    endpoint: engine.endpoint,
    accessKeyId: engine.accessKeyId,
    tablePrefix: 'phone',
    port: 0,
    webDir: served,
    demoDataDir: join(root, 'demo-data'),
    linksFile: join(mkdtempSync(join(tmpdir(), 'bench-phone-')), 'tautan.csv'),
    demoMinutes: 60,
    scheduler: false,
  });
  const serve = (v: Variant) => {
    if (v.dir === served) return;
    rmSync(served, { recursive: true, force: true });
    // Timestamps kept: the server sends the build's .br/.gz only when not older than the file (local/compression.ts).
    cpSync(v.dir, served, { recursive: true, preserveTimestamps: true });
  };
  const browser = await launchChromium();
  const workers = await throttleServiceWorkers(browser);
  const links = app.links.filter((l) => l.peran === 'asn');
  const first = new Map<string, Run[]>(variants.map((v) => [v.name, []]));
  const returning = new Map<string, Run[]>(variants.map((v) => [v.name, []]));
  let n = 0;
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const v of variants) {
        serve(v);
        // A fresh context each run: an empty cache, no stored token, as on a first visit.
        const context = await newPhone(browser);
        first.get(v.name)!.push(await timeToHadir(context, links[(n++ * 97) % links.length]!.tautan, { cacheDisabled: true, workers }));
        await context.close();
      }
    }
    for (let i = 0; i < RUNS; i++) {
      for (const v of variants) {
        serve(v);
        const context = await newPhone(browser);
        // The first visit, some day before: opens the link, binds the key, installs the worker; no tap.
        const setup = await context.newPage();
        const bound = setup.waitForResponse((r) => r.url().endsWith('/api/perangkat') && r.ok(), { timeout: 60_000 });
        await setup.goto(links[(n++ * 97) % links.length]!.tautan);
        await bound;
        await setup.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
        await setup.close();
        // Then: the icon on the home screen opens the start URL.
        returning.get(v.name)!.push(await timeToHadir(context, `${app.url}/`, { cacheDisabled: false, workers }));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await app.stop();
    await engine.stop();
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const report = (name: string, byVariant: Map<string, Run[]>) =>
    [...byVariant]
      .map(
        ([variant, runs]) => `  ${name}${variants.length > 1 ? ` [${variant}]` : ''}
${runs.map((r, i) => `    run ${i + 1}: button usable ${s(r.usableMs)}, hadir shown ${s(r.hadirMs)}, ${r.network} requests over the network to hadir (${r.requests} by the page, ${r.worker} of them answered by the service worker; ${r.workerOwn} by the service worker itself), ${r.kB.toFixed(1)} kB received${r.unthrottledWorker ? ' (FLAGGED: a service worker started during the run, perhaps before its throttle)' : ''}`).join('\n')}
    median: button usable ${s(median(runs.map((r) => r.usableMs)))}, hadir shown ${s(median(runs.map((r) => r.hadirMs)))}, ${median(runs.map((r) => r.network))} network requests to hadir, ${median(runs.map((r) => r.kB)).toFixed(1)} kB received
    requests of the last run: ${runs.at(-1)?.urls.join(', ')}`,
      )
      .join('\n');
  console.log(`
Apel WFA — phone benchmark: ${PHONE.width} px, +${PHONE.latencyMs} ms per request, ${PHONE.kbitPerSecond} kbit/s each way, CPU ×${PHONE.cpuSlowdown}
${report('first visit (empty cache): link → hadir', first)}
${report('returning (installed page, shell in the service worker): icon → hadir', returning)}
`);
}

interface Variant {
  name: string;
  dir: string;
}

/** `before=/tmp/old/web/dist,after=web/dist`: builds compared run by run in one process (a shared machine's load drifts between processes); unset: web/dist. */
function variantsFrom(spec: string | undefined): Variant[] {
  if (!spec) return [{ name: 'web/dist', dir: join(root, 'web/dist') }];
  const variants = spec.split(',').map((part) => {
    const [name, dir] = part.split('=') as [string, string | undefined];
    if (!dir || !existsSync(join(dir, 'index.html'))) throw new Error(`BENCH_VARIANTS: "${part}" is not name=<built site folder>`);
    return { name, dir: resolve(dir) };
  });
  // The server's CSP allows the current build's inline script (its sha256): a build whose script differs would run
  // without it. Builds compared are run alike, without the CSP, and it is said which of them the CSP would block.
  const blocked = variants.filter((v) => {
    const inline = /<script>([\s\S]*?)<\/script>/.exec(readFileSync(join(v.dir, 'index.html'), 'utf8'))?.[1];
    return inline !== undefined && !CSP_DIRECTIVES['script-src'].includes(`'sha256-${createHash('sha256').update(inline).digest('base64')}'` as never);
  });
  if (variants.length > 1) {
    bypassCSP = true;
    console.log(`Builds compared without the CSP${blocked.length ? ` (it would block the inline script of ${blocked.map((v) => v.name).join(', ')})` : ''}.`);
  } else if (blocked.length) {
    throw new Error(`${variants[0]!.dir}/index.html: its inline script is not the one the CSP allows (functions/http/security-headers.ts EARLY_ME_SHA256)`);
  }
  return variants;
}

interface Run {
  usableMs: number;
  hadirMs: number;
  /** Requests up to and including the check-in; `network` of them not answered by the service worker. */
  requests: number;
  network: number;
  worker: number;
  /** Of `network`, requests the service worker made itself (e.g. its GET /api/me for the page). */
  workerOwn: number;
  kB: number;
  urls: string[];
  /** A service-worker target appeared while the page ran: its first requests may have left before its throttle. */
  unthrottledWorker: boolean;
}

/** The service-worker targets attached and throttled so far (browser-level CDP), and the requests they made themselves. */
interface Workers {
  throttled: Set<string>;
  /** In order of leaving: a worker's own fetches (the page's requests it answered are the page's). */
  log: { key: string; method: string; path: string; bytes: number; cached: boolean }[];
}

/**
 * Throttles every service worker's network like the page's (see the header). Browser-level
 * auto-attach needs the flat protocol, which Playwright's CDP session does not speak, so
 * targets are discovered and attached one by one (non-flat, messages through
 * Target.sendMessageToTarget) as they appear; `timeToHadir` checks none appeared mid-run.
 */
async function throttleServiceWorkers(browser: Browser): Promise<Workers> {
  const cdp = await browser.newBrowserCDPSession();
  const throttled = new Set<string>();
  const log: Workers['log'] = [];
  let id = 0;
  const attach = async (info: { targetId: string; type: string }) => {
    if (info.type !== 'service_worker' || throttled.has(info.targetId)) return;
    throttled.add(info.targetId);
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false }).catch(() => ({}))) as { sessionId?: string };
    if (!sessionId) return;
    const send = (method: string, params: object) =>
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method, params }) }).catch(() => undefined);
    await send('Network.enable', {});
    await send('Network.emulateNetworkConditions', { offline: false, ...lineOf(PHONE) });
  };
  cdp.on('Target.targetCreated', (e: { targetInfo: { targetId: string; type: string } }) => void attach(e.targetInfo));
  // What a worker fetched itself, over the (emulated) network or from the HTTP cache.
  type Message = { method?: string; params?: { requestId: string; request?: { method: string; url: string }; encodedDataLength?: number; response?: { fromDiskCache?: boolean } } };
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    const { method, params } = JSON.parse(e.message) as Message;
    if (!params?.requestId) return;
    const key = `${e.sessionId}:${params.requestId}`;
    if (method === 'Network.requestWillBeSent' && params.request)
      log.push({ key, method: params.request.method, path: new URL(params.request.url).pathname, bytes: 0, cached: false });
    const entry = method ? log.findLast((r) => r.key === key) : undefined;
    if (entry && method === 'Network.responseReceived') entry.cached = !!params.response?.fromDiskCache;
    if (entry && method === 'Network.loadingFinished') entry.bytes = params.encodedDataLength ?? 0;
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  return { throttled, log };
}

const lineOf = (phone: typeof PHONE) => {
  const bytesPerSecond = (phone.kbitPerSecond * 1000) / 8;
  return { latency: phone.latencyMs, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond };
};

/** `bypassCSP` when comparing builds: the server's CSP allows one build's inline script by its hash (see `variantsFrom`). */
let bypassCSP = false;
const newPhone = (browser: Browser) =>
  browser.newContext({ viewport: { width: PHONE.width, height: PHONE.height }, locale: 'id-ID', isMobile: true, hasTouch: true, bypassCSP });

/** Opens `url` in a new page of `context` on the phone's network and CPU, taps as soon as it can, and times HADIR. */
async function timeToHadir(context: BrowserContext, url: string, options: { cacheDisabled: boolean; workers: Workers }): Promise<Run> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: options.cacheDisabled });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...lineOf(PHONE) });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  let received = 0;
  const fromWorker = new Set<string>();
  cdp.on('Network.responseReceived', (e: { requestId: string; response: { fromServiceWorker?: boolean } }) => {
    if (e.response.fromServiceWorker) fromWorker.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    if (!fromWorker.has(e.requestId)) received += e.encodedDataLength;
  });
  const urls: string[] = [];
  const served: boolean[] = [];
  const workerLogStart = options.workers.log.length;
  let workerLogAtCheckin: number | undefined;
  page.on('request', (r) => {
    urls.push(`${r.method()} ${new URL(r.url()).pathname}`);
    if (urls.at(-1) === 'POST /api/checkins') workerLogAtCheckin ??= options.workers.log.length;
    served.push(false);
    const at = served.length - 1;
    void r.response().then((res) => void (served[at] = !!res?.fromServiceWorker()), () => undefined);
  });
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  if (process.env.BENCH_TIMELINE) {
    let t0 = 0;
    page.on('requestfinished', async (r) => {
      const t = r.timing();
      t0 ||= t.startTime;
      const sw = (await r.response())?.fromServiceWorker() ? ' (service worker)' : '';
      console.log(`    ${r.method()} ${new URL(r.url()).pathname}${sw}: start ${(t.startTime - t0).toFixed(0)} ms, response end +${t.responseEnd.toFixed(0)} ms`);
    });
  }

  // Marked in the page, at the first frame after the change, in ms since navigation start.
  await page.addInitScript(MARKS);
  const shown = page.waitForEvent('console', { predicate: (m) => m.text() === HADIR_SHOWN, timeout: 60_000 });
  const workersBefore = options.workers.throttled.size;
  await page.goto(url, { waitUntil: 'commit' });
  await shown;
  const { usable: usableMs, hadir: hadirMs } = await page.evaluate(() => (window as unknown as Marked).__marks as { usable: number; hadir: number });
  if (process.env.BENCH_TIMELINE) {
    // The page's own Resource Timing, from the start of navigation: when each request left (through the worker or not) and ended.
    const entries = await page.evaluate(() =>
      (performance.getEntriesByType('navigation') as PerformanceResourceTiming[])
        .concat(performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .map((e) => ({ name: new URL(e.name).pathname, start: e.startTime, worker: e.workerStart, request: e.requestStart, end: e.responseEnd })),
    );
    for (const e of entries) {
      console.log(`    ${e.name}: start ${e.start.toFixed(0)}${e.worker ? `, worker ${e.worker.toFixed(0)}` : ''}, request ${e.request.toFixed(0)}, end ${e.end.toFixed(0)} ms`);
    }
    console.log(`    button usable ${usableMs.toFixed(0)} ms, hadir ${hadirMs.toFixed(0)} ms`);
  }
  // Up to and including the check-in: what stands between the tap and HADIR (the page then refreshes its week).
  const toHadir = urls.indexOf('POST /api/checkins') + 1;
  await page.waitForTimeout(200);
  const worker = served.slice(0, toHadir).filter(Boolean).length;
  await page.close();
  // A worker that started during the run (on a navigation it answered) was throttled a moment late; the first visit's own install is expected.
  const unthrottledWorker = !options.cacheDisabled && options.workers.throttled.size !== workersBefore;
  // The worker's own requests over the network: those before the check-in count to HADIR, all count as bytes received.
  const own = options.workers.log.slice(workerLogStart).filter((r) => !r.cached);
  const ownToHadir = options.workers.log.slice(workerLogStart, workerLogAtCheckin ?? options.workers.log.length).filter((r) => !r.cached);
  received += own.reduce((sum, r) => sum + r.bytes, 0);
  urls.push(...own.map((r) => `${r.method} ${r.path} (by the service worker)`));
  return { usableMs, hadirMs, requests: toHadir, network: toHadir - worker + ownToHadir.length, worker, workerOwn: ownToHadir.length, kB: received / 1024, urls, unthrottledWorker };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
