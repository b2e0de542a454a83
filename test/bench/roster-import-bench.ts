/**
 * `npm run bench:import`: the roster import of a SIASN "Export Data ASN" at a regency's
 * scale (5,000 ASN, 64 columns, ~2.5 MB CSV), one request each through the admin handler
 * (as API Gateway invokes it) against DynamoDB Local in memory: the first preview, the
 * import (5,000 new rows and the saved OPD mapping), the preview and import of the same file
 * again (nothing to write). Prints how long each took, to compare with API Gateway's 30 s.
 * A script, not a test: the figures depend on the machine; what the answers must be is
 * asserted in test/integration/roster-siasn.test.ts. `BENCH_RUNS=3` repeats it on fresh tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startEngine } from '../../functions/local/engine';
import { freePort } from '../../functions/local/free-port';
import type { SiasnPerson } from '../support/siasn';
import { demoOpdNames, SIASN_COLUMNS, siasnCells } from '../support/siasn';
import { check, timed } from './measure';
import { nipOf, ROWS, SCALE_ADMIN } from './scale-roster';

const root = new URL('../../', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const CLOCK = '2026-12-02T10:00:00+08:00';
/** One OPD as SIASN names it differently: mapped by the admin in the request, as the console sends it. */
const ODD_UNIT = 'DINAS PERHUBUNGAN KAB. BOLAANG MONGONDOW SELATAN';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.AWS_REGION ??= 'ap-southeast-3';
process.env.APEL_LOG_LEVEL ??= 'WARN';

/** 5,000 SIASN rows over the 36 demo OPDs, the empty columns filled as a real export fills them. */
function siasnFile(opds: readonly string[]): string {
  const names = demoOpdNames();
  const filler: Record<string, (i: number) => string> = {
    'NIP LAMA': (i) => String(500_000_000 + i),
    'TEMPAT LAHIR ID': (i) => `A5E${i}`,
    'AGAMA NAMA': () => 'Islam',
    'JENIS KAWIN NAMA': () => 'Menikah',
    NIK: (i) => String(7_101_000_000_000_000 + i),
    EMAIL: (i) => `pegawai${i}@gmail.com`,
    'EMAIL GOV': (i) => `pegawai${i}@bolselkab.go.id`,
    ALAMAT: (i) => `Jl. Trans Sulawesi No. ${i % 200}, Desa Molibagu, Kec. Bolaang Uki`,
    'NPWP NOMOR': (i) => `${String(i).padStart(9, '0')}8220000`,
    'NOMOR SK CPNS': (i) => `813/BKD/${i}/2010`,
    'NOMOR SK PNS': (i) => `821/BKD/${i}/2011`,
    'GOL AWAL NAMA': () => 'II/a',
    'JENIS JABATAN NAMA': () => 'Jabatan Fungsional Umum',
    'TINGKAT PENDIDIKAN NAMA': () => 'S-1/Sarjana',
    'PENDIDIKAN NAMA': () => 'S-1 Ilmu Administrasi Negara',
    'KPKN NAMA': () => 'KOTAMOBAGU',
    'LOKASI KERJA NAMA': () => 'KAB. BOLAANG MONGONDOW SELATAN',
  };
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const opd = opds[i % opds.length]!;
    const satker = opd === 'dishub' ? ODD_UNIT : (names.get(opd) ?? opd).toUpperCase();
    const p: SiasnPerson = { nip: nipOf(i), nama: `Pegawai Nomor ${i + 1}, S.Sos`, jabatan: 'Pelaksana', status: i % 7 === 0 ? 'PPPK' : 'PNS', noHp: `0812${1_000_000 + i}`, satker, unor: `Subbagian Umum ${satker}` };
    const cells = siasnCells(p, i);
    return SIASN_COLUMNS.map((c, j) => (cells[j] || !filler[c] ? cells[j]! : filler[c]!(i)));
  });
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return `${[SIASN_COLUMNS.join(','), ...rows.map((r) => r.map(quote).join(','))].join('\r\n')}\r\n`;
}

async function main() {
  const engine = await startEngine({ port: await freePort() });
  process.env.DYNAMODB_ENDPOINT = engine.endpoint;
  process.env.APEL_CONFIG = readFileSync(join(root, 'apel.config.json'), 'utf8');
  const { setServerClock } = await import('../../functions/runtime/clock');
  const { createTables, useLocalTables } = await import('../../functions/local/tables');
  const { localClientConfig } = await import('../../functions/store/client-config');
  const { importRosterFiles } = await import('../../functions/cli/roster-import');
  const { importAsns, listOpds } = await import('../../functions/store/roster-store');
  const { issueLink } = await import('../../functions/store/link-store');
  const { call } = await import('../support/events');
  useLocalTables('bench-import-1');
  const { handler: admin } = await import('../../functions/handlers/admin-api');
  setServerClock(new Date(CLOCK));

  const runs: Record<string, number>[] = [];
  let bytes = 0;
  try {
    for (let n = 1; n <= RUNS; n++) {
      const prefix = `bench-import-${n}`;
      useLocalTables(prefix);
      const client = new DynamoDBClient(localClientConfig(engine.endpoint));
      await createTables(client, prefix);
      client.destroy();
      await importRosterFiles({ opd: join(root, 'demo-data/opd.csv') });
      const opds = (await listOpds()).map((o) => o.kode);
      await importAsns([SCALE_ADMIN]);
      const token = await issueLink(SCALE_ADMIN);
      const csv = siasnFile(opds);
      bytes = Buffer.byteLength(csv);
      const pemetaan = { opd: { [ODD_UNIT]: 'dishub' } };
      const post = (path: string, body: unknown) => call(admin, { method: 'POST', path, token, body });

      const preview = await timed(() => post('/api/admin/roster/pratinjau', { csv }));
      check(preview.result.status === 200 && preview.result.body.counts?.baru > 0 && preview.result.body.counts?.ditahan > 0, 'first preview', preview.result.body);
      const mapped = await timed(() => post('/api/admin/roster/pratinjau', { csv, pemetaan }));
      check(mapped.result.body.counts?.baru === ROWS, 'mapped preview', mapped.result.body.counts);
      const imported = await timed(() => post('/api/admin/roster/impor', { csv, pemetaan, nonaktifkan: [] }));
      check(imported.result.status === 200 && imported.result.body.counts?.baru === ROWS, 'import', imported.result.body);
      const again = await timed(() => post('/api/admin/roster/pratinjau', { csv }));
      check(again.result.body.counts?.tetap === ROWS, 'preview again', again.result.body.counts);
      const reimport = await timed(() => post('/api/admin/roster/impor', { csv, nonaktifkan: [] }));
      check(reimport.result.body.counts?.tetap === ROWS, 're-import', reimport.result.body.counts);
      runs.push({ preview: preview.ms, mapped: mapped.ms, imported: imported.ms, again: again.ms, reimport: reimport.ms });
    }
  } finally {
    await engine.stop();
  }
  const seconds = (k: string) => {
    const xs = runs.map((r) => r[k]!);
    const [lo, hi] = [Math.min(...xs), Math.max(...xs)].map((ms) => (ms / 1000).toFixed(1));
    return lo === hi ? `${lo} s` : `${lo}–${hi} s over ${runs.length} runs`;
  };
  const lines: [string, string][] = [
    [`first preview, ${ROWS.toLocaleString('en')} SIASN rows (${(bytes / 1e6).toFixed(2)} MB CSV, 64 columns)`, seconds('preview')],
    ['preview with the OPD mapping chosen', seconds('mapped')],
    [`import: ${ROWS.toLocaleString('en')} new rows and the mapping saved`, seconds('imported')],
    ['preview of the same file again', seconds('again')],
    ['import of the same file again (nothing to write)', seconds('reimport')],
  ];
  const width = Math.max(...lines.map(([l]) => l.length));
  console.log(`
Apel WFA — roster import of a SIASN export (one request each through the admin handler, DynamoDB Local in memory)
${lines.map(([l, v]) => `  ${l.padEnd(width)}  ${v}`).join('\n')}
  limits: API Gateway answers within 30 s; the admin function's timeout is 29 s
`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
