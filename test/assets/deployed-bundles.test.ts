import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SITE_URL_ENV } from '../../functions/handlers/admin/site-url';
import { ORIGIN_HEADER, ORIGIN_SECRETS_ENV } from '../../functions/http/origin';
import { apiGatewayEvent } from '../../functions/local/server';
import { listRecaps } from '../../functions/store/sesi-store';
import { QUEUE_URL_ENV } from '../../functions/store/reminder-queue';
import { TICKET_SECRETS_ENV } from '../../functions/runtime/ticket-secrets';
import { TABLES } from '../../functions/store/tables';
import { allItems, freshTables } from '../support/db';
import { startFakeSqs, type FakeSqs } from '../support/fake-sqs';
import { ASNS, seedRoster } from '../support/roster';

/**
 * What is deployed is what is tested: `cdk synth` bundles every function exactly as
 * `cdk deploy` uploads it, and this file invokes those bundles (cdk.out/asset.<hash>/
 * index.mjs, found through the template's Code.S3Key and the asset manifest) with the
 * events API Gateway (payload v2) and EventBridge Scheduler send, against DynamoDB
 * Local, with the environment the template gives each function. One synth per file.
 */

const root = new URL('../../', import.meta.url).pathname;
const STACK = 'ApelWfa-assets';
type Fn = { Type: string; Properties: { Code: { S3Key: string }; Handler: string; Environment: { Variables: Record<string, unknown> } } };
type Handler = (event: unknown, context: Context) => Promise<any>;

let out: string;
let synthStderr = '';
let template: { Resources: Record<string, Fn> };
let manifest: { files: Record<string, { source: { path: string }; destinations: Record<string, { objectKey: string }> }> };

/** The template's function whose logical id starts with `prefix` (CDK adds an 8-character hash). */
function functionResource(prefix: string): Fn {
  const entry = Object.entries(template.Resources).find(([id, r]) => r.Type === 'AWS::Lambda::Function' && new RegExp(`^${prefix}[0-9A-F]{8}$`).test(id));
  if (!entry) throw new Error(`no function ${prefix} in the template`);
  return entry[1];
}

/** The directory `cdk deploy` zips for this function: the asset whose object key is the template's S3Key. */
function assetDir(fn: Fn): string {
  const file = Object.values(manifest.files).find((f) => Object.values(f.destinations).some((d) => d.objectKey === fn.Properties.Code.S3Key));
  if (!file) throw new Error(`no asset for ${fn.Properties.Code.S3Key}`);
  return join(out, file.source.path);
}

/** What the stack makes at deploy time, as a deployment has it: the origin secrets (sent one in the middle), the ticket secrets, the site URL and (set in beforeAll) the reminders' queue. */
const DEPLOY_TIME: Record<string, string> = {
  [ORIGIN_SECRETS_ENV]: 'secret-before,secret-sent,secret-next',
  [TICKET_SECRETS_ENV]: 'ticket-secret-current-0123456789abcdef,ticket-secret-previous-0123456789abcdef',
  [SITE_URL_ENV]: 'https://d111111abcdef8.cloudfront.net',
};

/** What the Lambda runtime sets besides the template: the role's (here made-up) credentials, for clients with no local endpoint (SQS). */
const LAMBDA_RUNTIME: Record<string, string> = {
  AWS_ACCESS_KEY_ID: 'ASIAEXAMPLEEXAMPLE00',
  AWS_SECRET_ACCESS_KEY: 'example-secret-access-key-of-the-function-role',
  AWS_SESSION_TOKEN: 'example-session-token',
};

/**
 * Loads a bundle with the environment of its template entry: literal values as they
 * are, references to what the stack makes at deploy time from DEPLOY_TIME, table
 * references replaced by this file's DynamoDB Local tables (the env var names are the
 * same), plus LAMBDA_RUNTIME and DYNAMODB_ENDPOINT from the test setup.
 */
async function loadBundle(prefix: string, overrides: Record<string, string> = {}): Promise<Handler> {
  const fn = functionResource(prefix);
  Object.assign(process.env, LAMBDA_RUNTIME);
  for (const [name, value] of Object.entries(fn.Properties.Environment.Variables)) {
    if (typeof value === 'string') process.env[name] = value;
    else if (DEPLOY_TIME[name]) process.env[name] = DEPLOY_TIME[name];
    else if (!name.startsWith('TABLE_')) throw new Error(`${prefix}: unexpected reference in ${name}`);
    else expect(process.env[name], name).toBeDefined();
  }
  Object.assign(process.env, overrides);
  const [file, exported] = fn.Properties.Handler.split('.') as [string, string];
  const module = await import(pathToFileURL(join(assetDir(fn), `${file}.mjs`)).href);
  return module[exported] as Handler;
}

const context = (name: string): Context =>
  ({
    awsRequestId: `req-${name}-${Math.random().toString(16).slice(2)}`,
    functionName: `${STACK}-${name}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:ap-southeast-3:123456789012:function:${STACK}-${name}`,
    memoryLimitInMB: '512',
    getRemainingTimeInMillis: () => 10_000,
  }) as unknown as Context;

/** Everything the bundles print: telemetry writes through console under vitest (APEL_TELEMETRY_CONSOLE in vitest.config.ts). */
const printed: string[] = [];
function capture() {
  printed.length = 0;
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
  }
}
const jsonLines = () => printed.flatMap((line) => { try { return [JSON.parse(line)]; } catch { return []; } });

let checkin: Handler;
let tokens: Map<string, string>;

/**
 * The template's schedules, as EventBridge Scheduler runs them: the target function, the
 * exact input it sends, and when it fires (cron fields in the schedule's time zone).
 */
interface ScheduleRun {
  id: string;
  functionId: string;
  input: unknown;
  fires: (hour: number, minute: number) => boolean;
}
function schedules(): ScheduleRun[] {
  return Object.entries(template.Resources as Record<string, any>)
    .filter(([, r]) => r.Type === 'AWS::Scheduler::Schedule')
    .map(([id, r]) => {
      const p = r.Properties;
      expect(p.ScheduleExpressionTimezone, id).toBe('Asia/Makassar');
      const cron = /^cron\((\S+) (\S+) \* \* \? \*\)$/.exec(p.ScheduleExpression);
      const everyMinute = p.ScheduleExpression === 'rate(1 minute)' || cron?.[1] === '*' && cron?.[2] === '*';
      if (!cron && !everyMinute) throw new Error(`${id}: schedule ${p.ScheduleExpression} not understood by this test`);
      const matches = (field: string, value: number) => field === '*' || field.split(',').map(Number).includes(value);
      return {
        id,
        functionId: p.Target.Arn['Fn::GetAtt'][0],
        input: JSON.parse(p.Target.Input ?? '{}'),
        fires: (hour: number, minute: number) => everyMinute || (matches(cron![2]!, hour) && matches(cron![1]!, minute)),
      };
    });
}

const handlers = new Map<string, Handler>();
/** Runs every schedule that fires at this WITA time, with its own input, on the bundle of its target. */
async function runSchedulesAt(hour: number, minute: number): Promise<number> {
  const due = schedules().filter((s) => s.fires(hour, minute));
  for (const s of due) {
    const prefix = s.functionId.replace(/[0-9A-F]{8}$/, '');
    if (!handlers.has(prefix)) handlers.set(prefix, await loadBundle(prefix));
    await handlers.get(prefix)!(s.input, context(prefix));
  }
  return due.length;
}

let sqs: FakeSqs;

beforeAll(async () => {
  sqs = await startFakeSqs();
  DEPLOY_TIME[QUEUE_URL_ENV] = sqs.queueUrl;
  out = mkdtempSync(join(tmpdir(), 'cdk-assets-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && k !== 'CDK_DEFAULT_ACCOUNT'));
  // Offline, without AWS credentials, and with no Docker: bundling uses the local esbuild.
  ({ stderr: synthStderr } = await promisify(execFile)('npx', ['cdk', 'synth', '--quiet', '-c', `stage=${STACK.replace('ApelWfa-', '')}`, '-o', out], {
    cwd: root,
    env: { ...env, AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    timeout: 240_000,
  }));
  template = JSON.parse(readFileSync(join(out, `${STACK}.template.json`), 'utf8'));
  manifest = JSON.parse(readFileSync(join(out, `${STACK}.assets.json`), 'utf8'));

  // From here on the clock is the test's: the roster and links exist before Monday's apel, whatever today is.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-29T22:00:00Z')); // Monday 30 November, 06:00 WITA
  await freshTables();
  tokens = await seedRoster();
  // Debug lines of the check-in too (the template says INFO), so the test sees every line a request can print.
  checkin = await loadBundle('CheckinFunction', { APEL_LOG_LEVEL: 'DEBUG' });
}, 300_000);

afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  vi.useRealTimers();
  await sqs?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

const at = (iso: string) => vi.setSystemTime(new Date(iso));

/** A check-in as CloudFront forwards it: with the secret origin header, unless `direct` (the execute-api address). */
async function postCheckin(token: string, sesiId: string, direct = false): Promise<{ status: number; body: any }> {
  const event = apiGatewayEvent({
    method: 'POST',
    url: new URL('/api/checkins', 'https://d111111abcdef8.cloudfront.net'),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(direct ? {} : { [ORIGIN_HEADER]: 'secret-sent' }) },
    body: JSON.stringify({ sesiId }),
    requestId: 'apigw-req-1',
    routeKey: 'POST /api/checkins',
  });
  const result = (await checkin(event, context('checkin'))) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode ?? 200, body: JSON.parse(result.body ?? 'null') };
}

describe('cdk synth', () => {
  it('succeeds offline with no AWS credentials and bundles every function with esbuild, not Docker', () => {
    const functions = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.APEL_CONFIG);

    expect(functions.length).toBeGreaterThanOrEqual(5);
    for (const fn of functions) expect(readFileSync(join(assetDir(fn), 'index.mjs')).byteLength).toBeGreaterThan(1000);
    expect(synthStderr).not.toMatch(/docker/i);
  });
});

describe('the deployed bundles, invoked as AWS invokes them', () => {
  it('the schedules open Monday’s apel pagi at 07:00 WITA, invoking their bundles with their own inputs', async () => {
    at('2026-11-29T23:00:00Z'); // Monday 30 November, 07:00 WITA
    capture();

    expect(await runSchedulesAt(7, 0)).toBeGreaterThan(0);

    expect((await allItems('sessions')).find((i) => i.id === '2026-11-30.pagi')).toMatchObject({ state: 'dibuka' });
    const line = jsonLines().find((l) => l.message === 'apel opened');
    expect(line).toMatchObject({ level: 'INFO', service: STACK, function_request_id: expect.stringMatching(/^req-/) });
    // The opening reminder's plan job, on the queue the template names (the sender works it out).
    expect(sqs.bodies).toContainEqual({ jenis: 'rencana', alasan: 'buka', sesiId: '2026-11-30.pagi' });
  });

  it('checkin records an on-time check-in from an API Gateway v2 event, with metrics and no token in any log line', async () => {
    at('2026-11-29T23:10:00Z');
    capture();
    const token = tokens.get(ASNS[1]!.nip)!;

    const res = await postCheckin(token, '2026-11-30.pagi');

    expect(res.status).toBe(201);
    expect(res.body.checkin).toMatchObject({ nip: ASNS[1]!.nip, status: 'hadir', sesiId: '2026-11-30.pagi' });
    const stored = (await allItems('checkins')).filter((i) => i.nip === ASNS[1]!.nip);
    expect(stored).toHaveLength(1);
    // EMF: a check-in by status, and the latency of the route, in this stage's service.
    const emf = jsonLines().filter((l) => l._aws);
    expect(emf).toContainEqual(expect.objectContaining({ CheckIns: 1, status: 'hadir', service: STACK }));
    expect(emf).toContainEqual(expect.objectContaining({ Latency: expect.any(Number), route: 'POST /api/checkins', service: STACK }));
    expect(emf[0]._aws.CloudWatchMetrics[0].Namespace).toBe('ApelWfa');
    // Structured lines with the request ids; never the token, the header or the NIP.
    const logs = jsonLines().filter((l) => l.level);
    expect(logs.length).toBeGreaterThan(0);
    for (const l of logs) expect(l).toMatchObject({ function_request_id: expect.stringMatching(/^req-checkin-/), apiRequestId: 'apigw-req-1' });
    expect(printed.join('\n')).not.toContain(token);
    expect(printed.join('\n')).not.toMatch(/authorization|Bearer/i);
    expect(printed.join('\n')).not.toContain(ASNS[1]!.nip);
  });

  it('checkin refuses a revoked or unknown link with 401, writes nothing, and counts the refusal by code', async () => {
    at('2026-11-29T23:12:00Z');
    capture();
    const before = (await allItems('checkins')).length;

    const res = await postCheckin('A'.repeat(43), '2026-11-30.pagi');

    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TAUTAN_TIDAK_BERLAKU');
    expect((await allItems('checkins')).length).toBe(before);
    expect(jsonLines().filter((l) => l._aws)).toContainEqual(expect.objectContaining({ Refusals: 1, code: 'TAUTAN_TIDAK_BERLAKU' }));
  });

  it('checkin refuses a request that skipped CloudFront (no origin header) with 403, and writes nothing', async () => {
    at('2026-11-29T23:13:00Z');
    const before = await allItems('checkins');

    const res = await postCheckin(tokens.get(ASNS[2]!.nip)!, '2026-11-30.pagi', true);

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ASAL_TIDAK_DIKENAL');
    expect(await allItems('checkins')).toEqual(before);
  });

  it('the schedules close it at 08:01 WITA and write the recap; a check-in after it is refused with 409', async () => {
    at('2026-11-30T00:01:00Z'); // 08:01 WITA
    capture();

    expect(await runSchedulesAt(8, 1)).toBeGreaterThan(0);

    expect((await allItems('sessions')).find((i) => i.sk === 'SESI' && i.id === '2026-11-30.pagi')).toMatchObject({ state: 'ditutup' });
    const recaps = Object.fromEntries((await listRecaps('2026-11-30.pagi')).map((r) => [r.opd, r]));
    expect(recaps.setda).toMatchObject({ hadir: 1, terlambat: 0 });
    expect(jsonLines().find((l) => l.message === 'apel closed')).toMatchObject({ sesiId: '2026-11-30.pagi', present: 1 });
    expect(jsonLines().filter((l) => l._aws)).toContainEqual(expect.objectContaining({ SesiClosed: 1, slot: 'pagi' }));

    const late = await postCheckin(tokens.get(ASNS[2]!.nip)!, '2026-11-30.pagi');
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('SESI_SUDAH_DITUTUP');
  });

  it('reads table names only from the environment the template sets', () => {
    const scheduled = schedules().map((s) => s.functionId.replace(/[0-9A-F]{8}$/, ''));
    for (const prefix of ['CheckinFunction', ...new Set(scheduled)]) {
      const vars = Object.keys(functionResource(prefix).Properties.Environment.Variables).filter((v) => v.startsWith('TABLE_'));
      expect(vars.length, prefix).toBeGreaterThan(0);
      for (const v of vars) expect(Object.values(TABLES).map((t) => t.envVar)).toContain(v);
    }
  });
});

/**
 * cfn-lint on the same templates. It is on every machine image here, so under CI=true it is
 * required: missing, the check fails and says so. Elsewhere (a laptop without the Python
 * tool) it is skipped with a message saying what to install.
 */
function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return join(dir, command);
    } catch {}
  }
  return undefined;
}
const cfnLint = onPath('cfn-lint');
const CFN_LINT_MISSING = 'cfn-lint is not on PATH (install it with "pip install cfn-lint")';
const ci = process.env.CI === 'true';
// Straight to stderr: vitest shows console output only of failing tests.
if (!cfnLint && !ci) process.stderr.write(`SKIPPED cfn-lint check: ${CFN_LINT_MISSING}; under CI=true it is required.\n`);

describe.skipIf(!cfnLint && !ci)('cfn-lint', () => {
  it.each([
    [STACK, 'ap-southeast-3'],
    [`${STACK}-anggaran`, 'us-east-1'],
  ])('reports no error in the synthesised %s template for %s (warnings are listed, not fatal)', async (name, region) => {
    if (!cfnLint) throw new Error(`${CFN_LINT_MISSING}: CI=true requires the cfn-lint check of the templates.`);
    const template = join(out, `${name}.template.json`);
    const run = await promisify(execFile)(cfnLint!, ['--format', 'json', '--template', template, '--regions', region], { timeout: 120_000 })
      .then((r) => ({ stdout: r.stdout, code: 0 }))
      .catch((e: { stdout: string; code: number }) => ({ stdout: e.stdout, code: e.code }));
    // Exit status is a bit mask: 2 errors, 4 warnings, 8 informational; 1 means cfn-lint itself failed.
    expect(run.code & 1, run.stdout).toBe(0);
    const matches = JSON.parse(run.stdout) as { Rule: { Id: string }; Level: string; Message: string; Location: { Path: unknown[] } }[];

    const errors = matches.filter((m) => m.Level === 'Error').map((m) => `${m.Rule.Id} ${m.Message} at ${m.Location.Path.join('/')}`);
    const warnings = matches.filter((m) => m.Level !== 'Error').map((m) => `${m.Rule.Id} ${m.Message}`);
    if (warnings.length > 0) console.info(`cfn-lint warnings in ${name} (tolerated):\n${warnings.join('\n')}`);
    expect(errors).toEqual([]);
    expect(run.code & 2).toBe(0);
  }, 150_000);
});
