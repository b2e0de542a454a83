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
 * Prints, per run and as the median, when the button became usable and when *HADIR* was
 * shown (noted in the page at the first frame after each, from the start of navigation; the
 * tap comes as soon as the button is usable), the requests the page made (those the service
 * worker answered counted apart) and the bytes it received over the network.
 * `BENCH_RUNS` (5) runs of each; `BENCH_TIMELINE=1` prints each request's start and end;
 * `BENCH_VARIANTS=before=<dist>,after=<dist>` compares builds run by run in one process.
 * A script, not a test: the figures depend on the machine.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseConfig } from '../../functions/core/config';
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

/**
 * Runs in the page before its own scripts: notes when the button can be tapped, taps it
 * at that frame (a click in the page: Playwright's own tap, with its checks and round
 * trips to the browser, took 0.4–0.7 s more at CPU ×4, which is the harness, not the
 * page), and notes when HADIR shows.
 */
const MARKS = `(() => {
  const marks = (window.__marks = {});
  const at = (name, then) => requestAnimationFrame(() => { marks[name] ??= performance.now(); then?.(); });
  new MutationObserver(() => {
    const button = document.querySelector('[data-testid="checkin-button"]');
    if (marks.usable === undefined && button && !button.disabled) { marks.usable = null; at('usable', () => button.click()); }
    if (marks.hadir === undefined && document.querySelector('[data-testid="checkin-result"][data-status="hadir"]')) at('hadir');
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
    cpSync(v.dir, served, { recursive: true });
  };
  const browser = await launchChromium();
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
        first.get(v.name)!.push(await timeToHadir(context, links[(n++ * 97) % links.length]!.tautan, { cacheDisabled: true }));
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
        returning.get(v.name)!.push(await timeToHadir(context, `${app.url}/`, { cacheDisabled: false }));
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
${runs.map((r, i) => `    run ${i + 1}: button usable ${s(r.usableMs)}, hadir shown ${s(r.hadirMs)}, ${r.network} requests over the network to hadir (${r.requests} in all, ${r.worker} from the service worker), ${r.kB.toFixed(1)} kB received`).join('\n')}
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
  return spec.split(',').map((part) => {
    const [name, dir] = part.split('=') as [string, string | undefined];
    if (!dir || !existsSync(join(dir, 'index.html'))) throw new Error(`BENCH_VARIANTS: "${part}" is not name=<built site folder>`);
    return { name, dir: resolve(dir) };
  });
}

interface Run {
  usableMs: number;
  hadirMs: number;
  /** Requests up to and including the check-in; `network` of them not answered by the service worker. */
  requests: number;
  network: number;
  worker: number;
  kB: number;
  urls: string[];
}

const newPhone = (browser: Browser) =>
  browser.newContext({ viewport: { width: PHONE.width, height: PHONE.height }, locale: 'id-ID', isMobile: true, hasTouch: true });

/** Opens `url` in a new page of `context` on the phone's network and CPU, taps as soon as it can, and times HADIR. */
async function timeToHadir(context: BrowserContext, url: string, options: { cacheDisabled: boolean }): Promise<Run> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: options.cacheDisabled });
  const bytesPerSecond = (PHONE.kbitPerSecond * 1000) / 8;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latencyMs,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  });
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
  page.on('request', (r) => {
    urls.push(`${r.method()} ${new URL(r.url()).pathname}`);
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
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => typeof (window as unknown as Marked).__marks.hadir === 'number', undefined, { timeout: 60_000, polling: 100 });
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
  return { usableMs, hadirMs, requests: toHadir, network: toHadir - worker, worker, kB: received / 1024, urls };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
