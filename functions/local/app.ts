import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ApelConfig } from '../core/config';
import type { IssuedLink } from '../cli/links';
import { API_FUNCTIONS } from '../http/routes';
import { type FunctionName, FUNCTIONS, functionsTriggeredBy } from '../manifest';
import { serverNow } from '../runtime/clock';
import { TICKET_SECRETS_ENV } from '../runtime/ticket-secrets';
import { localClientConfig } from '../store/client-config';
import type { Routes } from './server';
import { createTables, useLocalTables } from './tables';

/**
 * The local runtime, assembled: tables from the shared definitions, the demo roster
 * on first start, the same handlers behind a local HTTP server, and the local
 * scheduler. Used by `npm start`, the end-to-end test and the benchmark.
 */

export interface AppOptions {
  config: ApelConfig;
  /** DynamoDB Local endpoint, already running. */
  endpoint: string;
  /** The engine's access key id (Engine.accessKeyId); by default the fixed one of in-memory engines. */
  accessKeyId?: string;
  tablePrefix: string;
  port: number;
  /** Interface to listen on; loopback unless set (e.g. 0.0.0.0 to try from a phone on the same network). */
  host?: string;
  webDir: string;
  /** Folder with opd.csv, asn.csv and libur-*.csv, imported when the roster is empty. */
  demoDataDir: string;
  /** Where the links issued on first start are kept, since only their hashes are stored. */
  linksFile: string;
  /** Open a clearly labelled demo sesi now for this many minutes (0: none). */
  /** On the first start, also seed eight weeks of demo past (functions/local/demo-past.ts); npm start does. */
  demoPast?: boolean;
  /** Write the demo past's older check-ins and readiness records after starting, with a line when done (npm start). */
  demoPastInBackground?: boolean;
  demoMinutes: number;
  scheduler?: boolean;
  /** The secret that signs window tickets (npm start: from .data/tiket-secret); by default one per process. */
  ticketSecret?: string;
}

export interface RunningApp {
  url: string;
  /** The links of the links file that still work (all of them on the first start). */
  links: IssuedLink[];
  /** Links this start removed from the links file: reissued or revoked since (functions/local/links-file.ts). */
  droppedLinks: number;
  /** The demo sesi, when one was opened. */
  demo?: { id: string; closesAt: Date };
  /** Done when the demo past's records written after the start (demoPastInBackground) are in; npm start only prints a line then. */
  demoPastWritten(): Promise<void>;
  stop(): Promise<void>;
}

export async function startApp(o: AppOptions): Promise<RunningApp> {
  process.env.DYNAMODB_ENDPOINT = o.endpoint;
  if (o.accessKeyId) process.env.DYNAMODB_LOCAL_KEY_ID = o.accessKeyId;
  process.env.APEL_CONFIG = JSON.stringify(o.config);
  // The secret that signs window tickets (runtime/ticket-secrets.ts): `npm start` keeps one in .data; tests and benches get one per process.
  process.env[TICKET_SECRETS_ENV] = o.ticketSecret ?? process.env[TICKET_SECRETS_ENV] ?? randomBytes(32).toString('base64url');
  useLocalTables(o.tablePrefix);
  const admin = new DynamoDBClient(localClientConfig(o.endpoint));
  await createTables(admin, o.tablePrefix);
  admin.destroy();

  // Imported only now: stores and handlers read their environment at load, as on Lambda.
  const { startServer } = await import('./server');
  const server = await startServer({
    port: o.port,
    ...(o.host ? { host: o.host } : {}),
    webDir: o.webDir,
    routes: apiRoutes(),
  });
  // Issued links point at this server, whatever address a browser says it came from.
  process.env.APEL_SITE_URL = server.url;
  const { links, droppedLinks } = await ensureDemoRoster(o, server.url);

  // The reminders' queue runs in-process and hands its jobs to the queue-triggered sender, as SQS does on AWS.
  const { local: reminderQueue } = await import('../store/reminder-queue');
  for (const name of functionsTriggeredBy('queue')) reminderQueue.use(await loadHandler(name));

  const demo = o.demoMinutes > 0 ? await openDemoSesi(o.config, o.demoMinutes) : undefined;
  let scheduler: { stop(): void } | undefined;
  if (o.scheduler !== false) {
    const { startScheduler } = await import('./scheduler');
    const ticks = await Promise.all(functionsTriggeredBy('every-minute').map((name) => loadHandler<(input: object) => Promise<unknown>>(name)));
    // The same handler and input as EventBridge Scheduler's every-minute schedule; it
    // logs what it did, as on Lambda, and also closes the demo sesi after its window.
    scheduler = startScheduler(async () => {
      for (const tick of ticks) await tick({});
    });
  }

  return {
    url: server.url,
    links,
    droppedLinks,
    ...(demo ? { demo: { id: demo.id, closesAt: demo.closesAt } } : {}),
    async demoPastWritten() {
      await Promise.all([...writing].map((p) => p.catch(() => undefined)));
    },
    async stop() {
      scheduler?.stop();
      reminderQueue.use(undefined);
      await server.close();
    },
  };
}

/** Each API function of the manifest behind the routes the route table gives it, loaded on first use as on Lambda. */
function apiRoutes(): Routes {
  const routes: Routes = {};
  for (const name of API_FUNCTIONS) routes[name] = () => loadHandler(name);
  return routes;
}

/**
 * A function's handler, from its manifest entry (functions/handlers/<entry>.ts). Only
 * called once the environment is set: stores and handlers read it at load.
 */
async function loadHandler<H>(name: FunctionName): Promise<H> {
  return (await import(/* @vite-ignore */ `../handlers/${FUNCTIONS[name].entry}`)).handler;
}

/** Writes that run on after startApp returned (the demo past's older records): a test waits for them before it stops. */
const writing = new Set<Promise<void>>();

async function ensureDemoRoster(o: AppOptions, baseUrl: string): Promise<{ links: IssuedLink[]; droppedLinks: number }> {
  const { listOpds, listAsnOfOpd } = await import('../store/roster-store');
  const opds = await listOpds();
  if (opds.length > 0) {
    const { workingLinksOf } = await import('./links-file');
    const { links, dropped } = await workingLinksOf(o.linksFile);
    return { links, droppedLinks: dropped.length };
  }
  const { importRosterFiles, describeReport } = await import('../cli/roster-import');
  const { issueLinks, writeLinksCsv } = await import('../cli/links');
  const libur = ['libur-2026.csv', 'libur-2027.csv'].map((f) => join(o.demoDataDir, f)).filter(existsSync);
  const reports = await importRosterFiles({ opd: join(o.demoDataDir, 'opd.csv'), asn: join(o.demoDataDir, 'asn.csv') });
  for (const file of libur) reports.push(...(await importRosterFiles({ libur: file })));
  for (const r of reports) console.log(describeReport(r));
  const everyone = (await Promise.all((await listOpds()).map((opd) => listAsnOfOpd(opd.kode)))).flat();
  const links = await issueLinks(everyone, baseUrl);
  writeLinksCsv(o.linksFile, links);
  if (o.demoPast) {
    const { seedDemoPast } = await import('./demo-past');
    const t0 = Date.now();
    const past = await seedDemoPast(o.config, serverNow(), { detailsLater: o.demoPastInBackground === true });
    console.log(
      `Data contoh masa lalu (DATA CONTOH, untuk halaman evaluasi dan rekap): ${past.sesi} apel ${past.from} s.d. ${past.to}, ` +
        `${past.checkins.toLocaleString('id-ID')} presensi, ${past.excuses} keterangan, ${past.readinessChecks} cek kesiapan, ` +
        `${past.officeDays} hari kantor (e-presensi), ${past.answers} jawaban survei.`,
    );
    if (o.demoPastInBackground) {
      console.log(
        '  Presensi, cek kesiapan dan hari kantor contoh masih ditulis di latar belakang (baris "selesai ditulis" menyusul); halaman sudah bisa dibuka.\n' +
          '  Bila dihentikan sebelum itu, sebagian presensi contoh lama tidak ada: hapus folder data untuk mengulang dari awal.',
      );
      writing.add(past.details);
      past.details.then(
        () => console.log(`Data contoh masa lalu selesai ditulis (${Math.round((Date.now() - t0) / 1000)} detik sejak mulai).`),
        (e: unknown) => console.error(`Data contoh masa lalu tidak selesai ditulis: ${(e as Error).message}`),
      );
    }
  }
  return { links, droppedLinks: 0 };
}

/**
 * The demo sesi: open from now for `minutes`, on time for the first half. It ends by
 * 23:58 local time, so it stays on the date it is filed under (and its recap, a
 * minute after the close, too); too late in the day, there is none. A restart on the
 * same day keeps today's demo sesi as it is: still open, it runs on in its window;
 * closed, it stays closed (its check-ins and recap are not reopened).
 */
export async function openDemoSesi(config: ApelConfig, minutes: number) {
  const { getSesiMany, openSesi } = await import('../store/sesi-store');
  const { sesiId } = await import('../core/sesi');
  const { localDate, zonedInstant } = await import('../core/time');
  const now = serverNow();
  const date = localDate(now, config.timeZone);
  const [today] = await getSesiMany([sesiId(date, 'demo')]);
  if (today?.state === 'ditutup') {
    console.log(`Apel percobaan hari ini sudah ditutup; tidak dibuka lagi. Apel percobaan berikutnya dibuka saat Apel WFA dijalankan besok.`);
    return undefined;
  }
  if (today) return { id: today.id, date, slot: 'demo' as const, opensAt: today.opensAt, onTimeUntil: today.onTimeUntil, closesAt: today.closesAt };
  const endOfDay = zonedInstant(date, '23:58', config.timeZone).getTime();
  const closesAt = Math.min(now.getTime() + minutes * 60_000, endOfDay);
  if (closesAt - now.getTime() < 2 * 60_000) {
    console.log('Apel percobaan tidak dibuka: hari ini hampir berganti. Jalankan lagi setelah pukul 00.00.');
    return undefined;
  }
  const plan = {
    id: sesiId(date, 'demo'),
    date,
    slot: 'demo' as const,
    opensAt: now,
    onTimeUntil: new Date(now.getTime() + (closesAt - now.getTime()) / 2),
    closesAt: new Date(closesAt),
  };
  await openSesi(plan, now, true);
  return plan;
}
