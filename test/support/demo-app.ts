import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { inject } from 'vitest';
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

/**
 * The local runtime as `npm start` assembles it, on a random port against the
 * shared DynamoDB Local, with a sample of the demo roster (see `sampleDemoData`).
 */
export async function startDemoApp(
  perOpd: number,
  demoMinutes = 30,
  config: Partial<ApelConfig> = {},
  roles: Record<string, string> = {},
): Promise<RunningApp> {
  const data = sampleDemoData(perOpd, roles);
  const { startApp } = await import('../../functions/local/app');
  return startApp({
    config: parseConfig({ ...JSON.parse(readFileSync(join(root, 'apel.config.json'), 'utf8')), ...config }),
    endpoint: inject('dynamoEndpoint'),
    tablePrefix: `e${randomBytes(4).toString('hex')}`,
    port: 0,
    webDir: join(root, 'web/dist'),
    demoDataDir: data,
    linksFile: join(data, '..', 'tautan.csv'),
    demoMinutes,
    scheduler: false,
  });
}
