/**
 * `npm run bench:admin`: the admin console at a regency's scale, one request each through
 * the admin handler (as API Gateway invokes it) against DynamoDB Local in memory: a
 * 5,000-row roster import, its preview and re-import, links for everyone (5,001 ASN) and
 * the overview of an open sesi over 36 OPDs. Prints how long each took, to compare with API
 * Gateway's 30-second limit and the admin function's 29-second timeout. A script, not a
 * test: the figures depend on the machine. What the answers must be is asserted in
 * test/integration/admin-scale.test.ts. `BENCH_RUNS=5` repeats it on fresh tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startEngine } from '../../functions/local/engine';
import { freePort } from '../../functions/local/free-port';
import { check, timed } from './measure';
import { ROWS, SCALE_ADMIN, rosterCsv } from './scale-roster';

const root = new URL('../../', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
/** Monday 30 November 2026, 07:10 WITA: apel pagi is open, so the overview is the one a console polls. */
const CLOCK = '2026-11-30T07:10:00+08:00';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.AWS_REGION ??= 'ap-southeast-3';
// One log line per request would bury the figures.
process.env.APEL_LOG_LEVEL ??= 'WARN';

const prefixOf = (run: number) => `bench-admin-${run}`;

interface Run {
  importMs: number;
  previewMs: number;
  reimportMs: number;
  linksMs: number;
  linksAnswerBytes: number;
  overviewMs: number;
  csvBytes: number;
}

async function main() {
  const engine = await startEngine({ port: await freePort() });
  process.env.DYNAMODB_ENDPOINT = engine.endpoint;
  process.env.APEL_CONFIG = readFileSync(join(root, 'apel.config.json'), 'utf8');
  // Imported only now: stores and handlers read their environment at load, as on Lambda.
  const { setServerClock } = await import('../../functions/runtime/clock');
  const { createTables, useLocalTables } = await import('../../functions/local/tables');
  const { localClientConfig } = await import('../../functions/store/client-config');
  const { importRosterFiles } = await import('../../functions/cli/roster-import');
  const { importAsns, listOpds } = await import('../../functions/store/roster-store');
  const { issueLink } = await import('../../functions/store/link-store');
  const { openSesi } = await import('../../functions/store/sesi-store');
  const { plannedSesi } = await import('../../functions/core/sesi');
  const { parseConfig } = await import('../../functions/core/config');
  const { call } = await import('../support/events');
  useLocalTables(prefixOf(1)); // the handler checks at load that its tables are named
  const { handler: admin } = await import('../../functions/handlers/admin-api');
  setServerClock(new Date(CLOCK));

  const runs: Run[] = [];
  try {
    for (let n = 1; n <= RUNS; n++) {
      const prefix = prefixOf(n);
      useLocalTables(prefix);
      const client = new DynamoDBClient(localClientConfig(engine.endpoint));
      await createTables(client, prefix);
      client.destroy();
      await importRosterFiles({ opd: join(root, 'demo-data/opd.csv') });
      const opds = (await listOpds()).map((o) => o.kode);
      await importAsns([SCALE_ADMIN]);
      let token = await issueLink(SCALE_ADMIN);
      const csv = rosterCsv(ROWS, opds);

      const imported = await timed(() => call(admin, { method: 'POST', path: '/api/admin/roster/impor', token, body: { csv } }));
      check(imported.result.status === 200 && imported.result.body.counts?.baru === ROWS, 'roster import', imported.result.body);
      const preview = await timed(() => call(admin, { method: 'POST', path: '/api/admin/roster/pratinjau', token, body: { csv } }));
      check(preview.result.body.counts?.tetap === ROWS, 'preview', preview.result.body);
      const reimport = await timed(() => call(admin, { method: 'POST', path: '/api/admin/roster/impor', token, body: { csv } }));
      check(reimport.result.body.counts?.tetap === ROWS, 're-import', reimport.result.body);

      const links = await timed(() =>
        call(admin, {
          method: 'POST',
          path: '/api/admin/tautan',
          token,
          body: { cakupan: { semua: true }, aksi: 'terbitkan' },
          headers: { origin: 'https://apel.example.go.id' },
        }),
      );
      check(links.result.status === 200 && links.result.body.jumlah === ROWS + 1, 'links for everyone', links.result.body);
      const mine = links.result.body.tautan.find((c: { nip: string }) => c.nip === SCALE_ADMIN.nip).tautan as string;
      token = new URL(mine).hash.slice(3);

      const [pagi] = plannedSesi('2026-11-30', parseConfig(JSON.parse(process.env.APEL_CONFIG)));
      await openSesi(pagi!, new Date(CLOCK));
      const overview = await timed(() => call(admin, { path: '/api/admin/ringkasan?tanggal=2026-11-30', token }));
      check(overview.result.status === 200 && overview.result.body.sesi?.[0]?.total?.expected === ROWS + 1, 'overview', overview.result.body);

      const run = {
        importMs: imported.ms,
        previewMs: preview.ms,
        reimportMs: reimport.ms,
        linksMs: links.ms,
        linksAnswerBytes: Buffer.byteLength(links.result.text),
        overviewMs: overview.ms,
        csvBytes: Buffer.byteLength(csv),
      };
      runs.push(run);
      if (RUNS > 1) console.log(`run ${n}: ${JSON.stringify(Object.fromEntries(Object.entries(run).map(([k, v]) => [k, Math.round(v)])))}`);
    }
  } finally {
    await engine.stop();
  }

  const seconds = (pick: (r: Run) => number) => {
    const xs = runs.map(pick);
    const [lo, hi] = [Math.min(...xs), Math.max(...xs)].map((ms) => (ms / 1000).toFixed(1));
    return lo === hi ? `${lo} s` : `${lo}–${hi} s over ${runs.length} runs`;
  };
  const first = runs[0]!;
  const lines: [string, string][] = [
    [`roster import, ${ROWS.toLocaleString('en')} new rows (${(first.csvBytes / 1024).toFixed(0)} kB CSV, 36 OPDs)`, seconds((r) => r.importMs)],
    ['preview of the same rows (nothing written)', seconds((r) => r.previewMs)],
    ['re-import of the same rows (nothing to write)', seconds((r) => r.reimportMs)],
    [`links for everyone, ${(ROWS + 1).toLocaleString('en')} ASN (answer ${(first.linksAnswerBytes / 1e6).toFixed(2)} MB)`, seconds((r) => r.linksMs)],
    [`overview of an open sesi, 36 OPDs, ${(ROWS + 1).toLocaleString('en')} ASN`, seconds((r) => r.overviewMs)],
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  console.log(`
Apel WFA — admin console at a regency's scale (one request each through the admin handler, DynamoDB Local in memory)
${lines.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n')}
  limits: API Gateway answers within 30 s; the admin function's timeout is 29 s
`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
