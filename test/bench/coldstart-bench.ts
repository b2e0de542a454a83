/**
 * `npm run bench:coldstart`: what a cold check-in Lambda pays before its first line of
 * code runs. Bundles the check-in handler with infra/bundling.ts's esbuild options (as
 * `cdk synth` does) and, in the same run, an empty handler bundled the same way; then
 * imports each in a fresh Node process, alternating the two, with the environment
 * the stack gives the function (NODE_OPTIONS=--enable-source-maps, APEL_CONFIG, table
 * names, telemetry settings, credentials in the environment as Lambda hands them).
 * Prints the bundle sizes, the median and 90th percentile of the import time of each
 * and their difference, and the largest packages in the bundle. A script, not a test:
 * the figures depend on the machine; compare the pair, not the absolute numbers.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { parseConfig } from '../../functions/core/config';
import { FUNCTIONS, tablesOf } from '../../functions/manifest';
import { TICKET_SECRETS_ENV } from '../../functions/runtime/ticket-secrets';
import { TABLES } from '../../functions/store/tables';
import { esbuildOptions } from '../../infra/bundling';

const root = new URL('../../', import.meta.url).pathname;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);

interface Bundle {
  name: string;
  file: string;
  bytes: number;
  gzipBytes: number;
  metafile: Metafile;
}

async function bundle(dir: string, name: string, entry: string): Promise<Bundle> {
  const outdir = join(dir, name);
  mkdirSync(outdir, { recursive: true });
  const file = join(outdir, 'index.mjs');
  const result = await build({ ...esbuildOptions, entryPoints: [entry], outfile: file, write: true, metafile: true, logLevel: 'silent' });
  const code = readFileSync(file);
  return { name, file, bytes: code.byteLength, gzipBytes: gzipSync(code).byteLength, metafile: result.metafile };
}

/** The check-in function's environment as infra/constructs/apel-function.ts and bindTable set it. */
function lambdaEnv(): NodeJS.ProcessEnv {
  const config = parseConfig(JSON.parse(readFileSync(join(root, 'apel.config.json'), 'utf8')));
  const tables = Object.fromEntries(tablesOf('checkin').map(([key]) => [TABLES[key].envVar, `ApelWfa-bench-${TABLES[key].id}`]));
  return {
    PATH: process.env.PATH,
    NODE_OPTIONS: '--enable-source-maps',
    AWS_REGION: 'ap-southeast-3',
    AWS_DEFAULT_REGION: 'ap-southeast-3',
    AWS_LAMBDA_FUNCTION_NAME: 'ApelWfa-bench-CheckinFunction',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(FUNCTIONS.checkin.memoryMb),
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_ACCESS_KEY_ID: 'ASIABENCHBENCHBENCH0',
    AWS_SECRET_ACCESS_KEY: 'bench/bench/bench/bench/bench/bench/bench0',
    AWS_SESSION_TOKEN: 'bench-session-token',
    // Lambda runs nodejs22.x, where the SDK prints no warning about the Node version.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    APEL_CONFIG: JSON.stringify(config),
    // The API functions refuse to start without the origin secrets CloudFront sends (functions/http/origin.ts).
    APEL_ORIGIN_SECRETS: 'bench-previous,bench-current,bench-next',
    [TICKET_SECRETS_ENV]: 'bench-ticket-secret-current-0123456789,bench-ticket-secret-previous-012345678',
    APEL_SERVICE_NAME: 'ApelWfa-bench',
    APEL_METRICS_NAMESPACE: 'ApelWfa',
    APEL_METRICS: 'on',
    APEL_LOG_LEVEL: 'INFO',
    ...tables,
  };
}

/** Milliseconds one fresh Node process takes to import `file` (module load and top-level code). */
function importMs(file: string, env: NodeJS.ProcessEnv): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(`file://${file}`)}); process.stdout.write(String(performance.now() - t));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
  return Number(out);
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return { median: at(0.5), p90: at(0.9), min: s[0]! };
}

/** Bytes of the bundle by package (or first-party folder), largest first. */
function byPackage(metafile: Metafile): [string, number][] {
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint)!;
  const sizes = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path.split('/').slice(0, 2).join('/');
    sizes.set(pkg, (sizes.get(pkg) ?? 0) + bytesInOutput);
  }
  return [...sizes].sort((a, b) => b[1] - a[1]);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-coldstart-'));
  try {
    const emptyEntry = join(dir, 'empty.mjs');
    writeFileSync(emptyEntry, 'export const handler = async () => ({ statusCode: 200, body: "" });\n');
    const empty = await bundle(dir, 'empty', emptyEntry);
    const checkin = await bundle(dir, 'checkin', join(root, 'functions/handlers/checkin.ts'));
    const env = lambdaEnv();

    // Warm the file cache, then alternate so both see the same machine load.
    importMs(empty.file, env);
    importMs(checkin.file, env);
    const times = { empty: [] as number[], checkin: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      times.empty.push(importMs(empty.file, env));
      times.checkin.push(importMs(checkin.file, env));
    }
    const e = stats(times.empty);
    const c = stats(times.checkin);
    const packages = byPackage(checkin.metafile);
    const share = (test: (pkg: string) => boolean) => packages.filter(([p]) => test(p)).reduce((s, [, b]) => s + b, 0);
    const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;
    const ms = (x: number) => `${x.toFixed(1)} ms`;

    console.log(`
Apel WFA — cold start of the check-in Lambda (bundled as cdk synth does, imported in a fresh node ${process.version}, ${ROUNDS} rounds, paired)
  check-in bundle            ${kb(checkin.bytes)} raw, ${kb(checkin.gzipBytes)} gzip
  empty handler bundle       ${kb(empty.bytes)} raw, ${kb(empty.gzipBytes)} gzip
  import, check-in           median ${ms(c.median)}, p90 ${ms(c.p90)}, min ${ms(c.min)}
  import, empty handler      median ${ms(e.median)}, p90 ${ms(e.p90)}, min ${ms(e.min)}
  check-in minus empty       median ${ms(c.median - e.median)}
  AWS SDK and Smithy         ${kb(share((p) => p.startsWith('@aws-sdk/') || p.startsWith('@smithy/') || p.startsWith('@aws/')))} raw
    credential providers     ${kb(share((p) => /credential-provider|nested-clients|token-providers/.test(p)))} raw
  telemetry (functions/telemetry) ${kb(share((p) => p.startsWith('functions/telemetry')))} raw
  largest packages (raw)     ${packages.slice(0, 10).map(([p, b]) => `${p} ${kb(b)}`).join(', ')}
`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
