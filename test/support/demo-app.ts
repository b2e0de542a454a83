import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { inject, vi } from 'vitest';
import type { ApelConfig } from '../../functions/core/config';
import { parseConfig } from '../../functions/core/config';
import type { RunningApp } from '../../functions/local/app';

const root = new URL('../../', import.meta.url).pathname;

/**
 * A demo-data folder with the first `perOpd` ASN of each OPD of the demo roster, and the
 * holidays. `roles` gives some of them another role (NIP → `admin`, `pimpinan`, `asn`).
 */
export function sampleDemoData(perOpd: number, roles: Record<string, string> = {}): string {
  const data = join(mkdtempSync(join(tmpdir(), 'apel-demo-')), 'demo-data');
  mkdirSync(data);
  copyFileSync(join(root, 'demo-data/opd.csv'), join(data, 'opd.csv'));
  copyFileSync(join(root, 'demo-data/libur-2026.csv'), join(data, 'libur-2026.csv'));
  const rows = parse(readFileSync(join(root, 'demo-data/asn.csv'), 'utf8'), { columns: true }) as { nip: string; opd: string; peran: string }[];
  for (const r of rows) r.peran = roles[r.nip] ?? r.peran;
  const taken = new Map<string, number>();
  const sample = rows.filter((r) => {
    const n = taken.get(r.opd) ?? 0;
    taken.set(r.opd, n + 1);
    return n < perOpd;
  });
  writeFileSync(join(data, 'asn.csv'), stringify(sample, { header: true }));
  return data;
}

export interface DemoAppOptions {
  /** How many ASN of each OPD of the demo roster (see `sampleDemoData`). */
  perOpd: number;
  /**
   * The server clock at start (ISO time or instant); it runs on at real speed from there.
   * Required: a test says which day and hour it is, it never runs on today's.
   */
  clock: string | Date;
  /** Open the demo sesi from the clock's instant for this many minutes (0: none). Default 30. */
  demoMinutes?: number;
  /** Changes to the repo's apel.config.json. */
  config?: Partial<ApelConfig>;
  /** NIP → another role for some ASN of the sample. */
  roles?: Record<string, string>;
  /** Seed eight weeks of demo past on start, as npm start does (functions/local/demo-past.ts). */
  demoPast?: boolean;
}

export type DemoLink = RunningApp['links'][number];

/** The token of a personal link (`…/#t=<token>`). */
export function tokenOf(link: DemoLink | string): string {
  return new URL(typeof link === 'string' ? link : link.tautan).hash.slice(3);
}

/**
 * A request to the app's API as the page sends it, with `link`'s token: how a test prepares
 * what its own steps need (a check-in, an import, a link) without another test's clicks.
 */
export async function callApi(
  app: RunningApp,
  link: DemoLink | string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const res = await fetch(new URL(path, app.url), {
    method,
    headers: { authorization: `Bearer ${tokenOf(link)}`, 'content-type': 'application/json', origin: app.url },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export interface DemoApp extends RunningApp {
  /** Sets the server clock that this app's handlers, apel clock and demo sesi read (it runs on from there). */
  setClock(instant: string | Date): void;
  /** One tick of the apel clock at the server clock's time: what the scheduler does every minute. */
  tickApelClock(): Promise<void>;
}

/**
 * The local runtime as `npm start` assembles it, on a random port against the shared
 * DynamoDB Local, with a sample of the demo roster, at the server-clock instant the
 * test gives. The scheduler is off; a test ticks the apel clock itself (`tickApelClock`).
 *
 * Every app gets fresh modules: handlers read their config once at load, as on Lambda,
 * so a second app in the same file gets its own config instead of the first one's. Run
 * one app at a time in a file (the stores take their table names from the environment)
 * and stop it before starting the next.
 */
export async function startDemoApp(o: DemoAppOptions): Promise<DemoApp> {
  const data = sampleDemoData(o.perOpd, o.roles);
  vi.resetModules();
  const clock = await import('../../functions/runtime/clock');
  const setClock = (instant: string | Date) => {
    const at = new Date(instant);
    if (Number.isNaN(at.getTime())) throw new Error(`not an instant: ${String(instant)}`);
    clock.setServerClock(at);
  };
  setClock(o.clock);
  const { startApp } = await import('../../functions/local/app');
  const app = await startApp({
    config: parseConfig({ ...JSON.parse(readFileSync(join(root, 'apel.config.json'), 'utf8')), ...o.config }),
    endpoint: inject('dynamoEndpoint'),
    tablePrefix: `e${randomBytes(4).toString('hex')}`,
    port: 0,
    webDir: join(root, 'web/dist'),
    demoDataDir: data,
    linksFile: join(data, '..', 'tautan.csv'),
    demoMinutes: o.demoMinutes ?? 30,
    // As npm start: the older check-ins and readiness records are written while the test runs (stop waits for them).
    ...(o.demoPast ? { demoPast: true, demoPastInBackground: true } : {}),
    scheduler: false,
  });
  const { handler: apelClock } = await import('../../functions/handlers/apel-clock');
  return {
    ...app,
    setClock,
    async tickApelClock() {
      await apelClock({});
    },
    async stop() {
      // The demo past's older records go on being written after the start: they finish before the app stops.
      await app.demoPastWritten();
      await app.stop();
      clock.resetServerClock();
    },
  };
}
