/**
 * `npm run bench:phone`: an ASN on a cheap phone on a weak rural network opens their
 * personal link and taps the button. Headless Chromium at 360 px with an empty cache,
 * every request delayed 400 ms, 400 kbit/s each way and the CPU slowed four times
 * (Chrome DevTools Protocol: Network.emulateNetworkConditions, Emulation.setCPUThrottlingRate),
 * against the local runtime (same server, handlers and DynamoDB Local as `npm start`,
 * in memory) with the server clock on a Wednesday morning and the demo apel open.
 * Prints, per run and as the median, when the button became usable and when *HADIR*
 * was shown (noted in the page at the first frame after each, from the start of
 * navigation; the tap comes as soon as the button is usable), the requests the page made and the bytes
 * it received. A script, not a test: the figures depend on the machine.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../functions/core/config';
import { startEngine } from '../../functions/local/engine';
import { freePort } from '../../functions/local/free-port';
import { setServerClock } from '../../functions/runtime/clock';
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
  const app = await startApp({
    config: parseConfig(JSON.parse(readFileSync(join(root, 'apel.config.json'), 'utf8'))),
    endpoint: engine.endpoint,
    accessKeyId: engine.accessKeyId,
    tablePrefix: 'phone',
    port: 0,
    webDir: join(root, 'web/dist'),
    demoDataDir: join(root, 'demo-data'),
    linksFile: join(mkdtempSync(join(tmpdir(), 'bench-phone-')), 'tautan.csv'),
    demoMinutes: 60,
    scheduler: false,
  });
  const browser = await launchChromium();
  const links = app.links.filter((l) => l.peran === 'asn');
  const runs: { usableMs: number; hadirMs: number; requests: number; kB: number; urls: string[] }[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const link = links[(i * 97) % links.length]!;
      // A fresh context each run: an empty cache, no stored token, as on a first visit.
      const context = await browser.newContext({ viewport: { width: PHONE.width, height: PHONE.height }, locale: 'id-ID', isMobile: true, hasTouch: true });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const bytesPerSecond = (PHONE.kbitPerSecond * 1000) / 8;
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: PHONE.latencyMs,
        downloadThroughput: bytesPerSecond,
        uploadThroughput: bytesPerSecond,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
      let received = 0;
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => void (received += e.encodedDataLength));
      const urls: string[] = [];
      page.on('request', (r) => void urls.push(`${r.method()} ${new URL(r.url()).pathname}`));
      let t0 = 0;
      page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
      if (process.env.BENCH_TIMELINE) {
        page.on('requestfinished', (r) => {
          const t = r.timing();
          t0 ||= t.startTime;
          console.log(`    ${r.method()} ${new URL(r.url()).pathname}: start ${(t.startTime - t0).toFixed(0)} ms, response end +${t.responseEnd.toFixed(0)} ms`);
        });
      }

      // Marked in the page, at the first frame after the change, in ms since navigation start.
      await page.addInitScript(MARKS);
      await page.goto(link.tautan, { waitUntil: 'commit' });
      await page.waitForFunction(() => typeof (window as unknown as Marked).__marks.hadir === 'number', undefined, { timeout: 60_000, polling: 100 });
      const { usable: usableMs, hadir: hadirMs } = await page.evaluate(() => (window as unknown as Marked).__marks as { usable: number; hadir: number });
      // Up to and including the check-in: what stands between the tap and HADIR (the page then refreshes its week).
      const toHadir = urls.indexOf('POST /api/checkins') + 1;
      runs.push({ usableMs, hadirMs, requests: toHadir, kB: received / 1024, urls });
      await context.close();
    }
  } finally {
    await browser.close();
    await app.stop();
    await engine.stop();
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`
Apel WFA — phone benchmark: ${PHONE.width} px, empty cache, +${PHONE.latencyMs} ms per request, ${PHONE.kbitPerSecond} kbit/s each way, CPU ×${PHONE.cpuSlowdown}
${runs.map((r, i) => `  run ${i + 1}: button usable ${s(r.usableMs)}, hadir shown ${s(r.hadirMs)}, ${r.requests} requests to hadir (${r.urls.length} in all), ${r.kB.toFixed(1)} kB received`).join('\n')}
  median: button usable ${s(median(runs.map((r) => r.usableMs)))}, hadir shown ${s(median(runs.map((r) => r.hadirMs)))}, ${median(runs.map((r) => r.requests))} requests to hadir, ${median(runs.map((r) => r.kB)).toFixed(1)} kB received
  requests of the last run: ${runs.at(-1)?.urls.join(', ')}
`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
