import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableOutputKey } from '../../functions/deployment';
import { TABLES, type TableKey } from '../../functions/store/tables';
import { loadConfig, requireWebBuild } from '../../infra/inputs';
import { DEFAULT_CONFIG_PATH, REPO_ROOT, WEB_DIST_DIR } from '../../infra/paths';
import { SPA_FALLBACK_CODE } from '../../infra/spa-fallback';
import { ApelWfaStack } from '../../infra/stack';

type FunctionKey = keyof ApelWfaStack['functions'];
type Resource = { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

const TABLE_KEYS = Object.keys(TABLES) as TableKey[];
const WRITE_ACTION = /^(\*|dynamodb:(\*|PutItem|UpdateItem|DeleteItem|BatchWriteItem|TransactWriteItems|PartiQL(Insert|Update|Delete)))$/;

/** Least privilege, as the design decided it: which tables each function reads and writes. */
const GRANTS: Record<FunctionKey, { reads: TableKey[]; writes: TableKey[] }> = {
  // A first signed check-in binds the link to the phone and marks it on the OPD's roll (issue 15).
  checkin: { reads: ['links', 'sessions', 'checkins', 'records'], writes: ['checkins', 'links', 'records'] },
  me: { reads: ['roster', 'links', 'calendar', 'sessions', 'checkins', 'records'], writes: ['links', 'checkins', 'records'] },
  schedule: { reads: ['links', 'calendar'], writes: [] },
  // The evaluation's aggregates: a late excuse reclassifies the absent, an assessment counts (UpdateItem on sessions).
  opd: {
    reads: ['roster', 'links', 'calendar', 'sessions', 'checkins', 'records', 'audit', 'survey', 'reminders'],
    writes: ['links', 'sessions', 'checkins', 'records', 'audit', 'reminders'],
  },
  admin: {
    reads: ['roster', 'links', 'calendar', 'sessions', 'checkins', 'records', 'audit', 'survey', 'reminders'],
    writes: ['roster', 'links', 'calendar', 'sessions', 'audit', 'reminders'],
  },
  apelClock: { reads: ['roster', 'calendar', 'checkins', 'sessions', 'records', 'reminders'], writes: ['sessions', 'reminders'] },
  // The public survey: checks the OPD exists, writes survey answers and nothing else.
  survei: { reads: ['roster', 'survey'], writes: ['survey'] },
  // Passkey mode: the passkey on the caller's link and the OPD's marker of a bound ASN, nothing else.
  passkey: { reads: ['links', 'records'], writes: ['links', 'records'] },
  // Reminders on or off: checks the caller's link, writes their subscriptions and nothing else.
  reminders: { reads: ['links', 'reminders'], writes: ['reminders'] },
  // The sender: reads who is awaited, removes gone subscriptions.
  reminderSender: { reads: ['roster', 'records', 'checkins', 'sessions', 'reminders'], writes: ['reminders'] },
};

let stack: ApelWfaStack;
let template: Template;
let resources: Record<string, Resource>;
const tableIds = {} as Record<TableKey, string>;
const functionIds = {} as Record<FunctionKey, string>;
const tempDirs: string[] = [];

/** A scratch directory, removed after the file (a synth output holds ~20 MB of assets). */
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** The Vite build if there is one (built once if missing), else a stand-in page. */
function siteDir(): string {
  if (existsSync(join(WEB_DIST_DIR, 'index.html'))) return WEB_DIST_DIR;
  if (existsSync(join(REPO_ROOT, 'web', 'vite.config.ts'))) {
    const build = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    if (build.status === 0 && existsSync(join(WEB_DIST_DIR, 'index.html'))) return WEB_DIST_DIR;
  }
  const dir = tempDir('apel-web-');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Apel WFA</title>');
  return dir;
}

/** The feature flags of cdk.json, so the test synthesises what `cdk synth` does. */
function cdkJsonContext(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')).context;
}

function ofType(type: string): Resource[] {
  return Object.values(resources).filter((r) => r.Type === type);
}

type Behavior = { PathPattern?: string; TargetOriginId: string } & Record<string, unknown>;
type DistributionConfig = {
  CacheBehaviors: Behavior[];
  DefaultCacheBehavior: Behavior;
  Origins: ({ Id: string } & Record<string, unknown>)[];
} & Record<string, unknown>;

function distribution(): DistributionConfig {
  const [only] = ofType('AWS::CloudFront::Distribution');
  return only?.Properties?.DistributionConfig as DistributionConfig;
}

/** Logical id of the table an IAM resource points at (`Fn::GetAtt` or an `/index/*` join). */
function tableOf(resource: unknown): string | undefined {
  const text = JSON.stringify(resource);
  return Object.entries(tableIds).find(([, id]) => text.includes(`"${id}"`))?.[0];
}

function statementsOf(fn: FunctionKey): Statement[] {
  const role = (resources[functionIds[fn]]?.Properties?.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .filter((r) => JSON.stringify(r.Properties?.Roles).includes(`"${role}"`))
    .flatMap((r) => (r.Properties?.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** Tables the function may use, by DynamoDB actions granted on them. */
function tableAccess(fn: FunctionKey): { reads: Set<TableKey>; writes: Set<TableKey>; actionsOn: (t: TableKey) => string[] } {
  const actions = new Map<TableKey, string[]>();
  for (const statement of statementsOf(fn).filter((s) => s.Effect === 'Allow')) {
    const list = ([] as string[]).concat(statement.Action).filter((a) => a === '*' || a.startsWith('dynamodb:'));
    if (list.length === 0) continue;
    for (const resource of ([] as unknown[]).concat(statement.Resource)) {
      // A wildcard resource would reach every table.
      const tables = resource === '*' ? TABLE_KEYS : [tableOf(resource) as TableKey | undefined];
      for (const table of tables) if (table) actions.set(table, [...(actions.get(table) ?? []), ...list]);
    }
  }
  const writes = [...actions].filter(([, list]) => list.some((a) => WRITE_ACTION.test(a))).map(([t]) => t);
  return { reads: new Set(actions.keys()), writes: new Set(writes), actionsOn: (t) => actions.get(t) ?? [] };
}

beforeAll(() => {
  // Prepare: the real config and feature flags; Lambda bundling is skipped (it is
  // exercised by `cdk synth` and the benchmark), which keeps this file fast.
  const app = new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
  stack = new ApelWfaStack(app, 'ApelWfa-test', { config: loadConfig(DEFAULT_CONFIG_PATH), siteDir: siteDir() });

  // Act
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources;
  for (const key of TABLE_KEYS) tableIds[key] = stack.getLogicalId(stack.tables[key].table.node.defaultChild as CfnTable);
  for (const key of Object.keys(GRANTS) as FunctionKey[]) {
    functionIds[key] = stack.getLogicalId(stack.functions[key].node.defaultChild as CfnFunction);
  }
}, 180_000);

describe('data tables', () => {
  it.each(TABLE_KEYS)('keeps the %s table safe: PITR, on-demand, retained on delete and replace', (key) => {
    const table = resources[tableIds[key]];

    expect(table?.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    });
    expect(table?.DeletionPolicy).toBe('Retain');
    expect(table?.UpdateReplacePolicy).toBe('Retain');
  });

  it('creates every index of TABLES with all attributes projected', () => {
    for (const key of TABLE_KEYS) {
      const indexes = (resources[tableIds[key]]?.Properties?.GlobalSecondaryIndexes ?? []) as unknown[];

      expect(indexes).toEqual(
        TABLES[key].indexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      );
    }
  });

  it("outputs each table's physical name under a key derived from its env var", () => {
    for (const key of TABLE_KEYS) {
      const { envVar } = TABLES[key];

      template.hasOutput(tableOutputKey(envVar), { Description: envVar, Value: { Ref: tableIds[key] } });
    }
    expect(tableOutputKey('TABLE_ROSTER')).toBe('TableRoster');
  });
});

describe('functions', () => {
  it.each(Object.keys(GRANTS) as FunctionKey[])('runs %s on Node.js 22 on arm64 with source maps', (fn) => {
    const props = resources[functionIds[fn]]?.Properties;

    expect(props).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps' } },
    });
    expect(JSON.parse((props?.Environment as { Variables: { APEL_CONFIG: string } }).Variables.APEL_CONFIG)).toMatchObject({
      timeZone: 'Asia/Makassar',
    });
  });

  it.each(Object.keys(GRANTS) as FunctionKey[])('grants %s only the tables it uses, writing only where it must', (fn) => {
    const access = tableAccess(fn);
    const env = (resources[functionIds[fn]]?.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;

    expect([...access.reads].sort()).toEqual([...GRANTS[fn].reads].sort());
    expect([...access.writes].sort()).toEqual([...GRANTS[fn].writes].sort());
    for (const table of GRANTS[fn].reads) expect(env[TABLES[table].envVar]).toEqual({ Ref: tableIds[table] });
  });

  it('lets the check-in function put check-ins, bind a link (UpdateItem only) and never write the roster', () => {
    const access = tableAccess('checkin');

    expect([...new Set(access.actionsOn('checkins').filter((a) => WRITE_ACTION.test(a)))]).toEqual(['dynamodb:PutItem']);
    expect([...new Set(access.actionsOn('links').filter((a) => WRITE_ACTION.test(a)))]).toEqual(['dynamodb:UpdateItem']);
    expect(access.actionsOn('roster').filter((a) => WRITE_ACTION.test(a))).toEqual([]);
  });

  it('lets the apel clock query the check-ins by OPD index, and the me function by ASN index', () => {
    const indexQuery = (fn: FunctionKey) =>
      statementsOf(fn).some(
        (s) =>
          ([] as string[]).concat(s.Action).includes('dynamodb:Query') &&
          ([] as unknown[]).concat(s.Resource).some((r) => {
            const text = JSON.stringify(r);
            return text.includes(`"${tableIds.checkins}"`) && text.includes('/index/*');
          }),
      );
    expect(indexQuery('apelClock')).toBe(true);
    expect(indexQuery('me')).toBe(true);
  });

  it("gives only the admin function write access to the roster, and lets others only update links (a phone's binding)", () => {
    for (const fn of Object.keys(GRANTS) as FunctionKey[]) {
      const access = tableAccess(fn);

      expect(access.writes.has('roster'), fn).toBe(fn === 'admin');
      if (fn !== 'admin') expect([...new Set(access.actionsOn('links').filter((a) => WRITE_ACTION.test(a)))], fn).not.toContain('dynamodb:PutItem');
    }
  });

  it('lets the admin function only put into the audit trail and onto sesi records, never update or delete them', () => {
    const access = tableAccess('admin');

    for (const table of ['audit', 'sessions'] as const) {
      expect([...new Set(access.actionsOn(table).filter((a) => WRITE_ACTION.test(a)))], table).toEqual(['dynamodb:PutItem']);
    }
  });

  it.each(Object.keys(GRANTS) as FunctionKey[])('keeps the logs of %s for three months, not forever', (fn) => {
    const logGroup = resources[functionIds[fn]]?.Properties?.LoggingConfig as { LogGroup: { Ref: string } };

    expect(resources[logGroup.LogGroup.Ref]?.Properties?.RetentionInDays).toBe(90);
  });
});

describe('apel schedules', () => {
  it('runs the apel clock every minute in WITA, with retries and a dead-letter queue, and nothing else', () => {
    const schedules = ofType('AWS::Scheduler::Schedule');

    expect(schedules).toHaveLength(1);
    expect(schedules[0]?.Properties).toMatchObject({
      ScheduleExpression: 'cron(* * * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Makassar',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [functionIds.apelClock, 'Arn'] },
        Input: '{}',
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 900 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.stringMatching(/DeadLetterQueue/), 'Arn'] } },
      },
    });
  });

  it('sends handler failures of the apel clock to the dead-letter queue too', () => {
    const config = ofType('AWS::Lambda::EventInvokeConfig').find(
      (r) => JSON.stringify(r.Properties?.FunctionName) === JSON.stringify({ Ref: functionIds.apelClock }),
    );

    expect(config?.Properties).toMatchObject({
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [expect.stringMatching(/DeadLetterQueue/), 'Arn'] } } },
    });
  });

  it('refuses plain-HTTP access to the dead-letter queue', () => {
    const statements = ofType('AWS::SQS::QueuePolicy').flatMap(
      (r) => (r.Properties?.PolicyDocument as { Statement: Statement[] }).Statement,
    );

    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

});

describe('check-in API', () => {
  it.each([
    ['POST /api/checkins', 'checkin'],
    ['GET /api/me', 'me'],
    ['GET /api/schedule', 'schedule'],
  ] as const)('routes %s to the %s function', (routeKey, fn) => {
    const route = Object.values(resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Route' && r.Properties?.RouteKey === routeKey);
    const integrationId = /"Ref":"([^"]+)"/.exec(JSON.stringify(route?.Properties?.Target))?.[1] ?? '';

    expect(resources[integrationId]?.Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [functionIds[fn], 'Arn'] },
      PayloadFormatVersion: '2.0',
    });
  });

  it('throttles the default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 500, ThrottlingBurstLimit: 1000 },
    });
  });
});

describe('web site', () => {
  it('serves index.html for page paths (/pimpinan, /admin/…) but leaves files and the API alone', () => {
    const fallback = ofType('AWS::CloudFront::Function')[0];
    const code = String(fallback?.Properties?.FunctionCode);
    expect(code).toBe(SPA_FALLBACK_CODE);
    expect(JSON.stringify(distribution().DefaultCacheBehavior.FunctionAssociations)).toContain('viewer-request');
    expect(JSON.stringify(distribution().CacheBehaviors.find((b) => b.PathPattern === '/api/*'))).not.toContain('FunctionAssociations');
    const handler = new Function(`${code}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
    const uri = (u: string) => handler({ request: { uri: u } }).uri;
    expect(['/pimpinan', '/admin', '/admin/roster', '/'].map(uri)).toEqual(Array(4).fill('/index.html'));
    expect(uri('/assets/index-abc123.js')).toBe('/assets/index-abc123.js');
    expect(uri('/favicon.ico')).toBe('/favicon.ico');
  });

  it('serves /api/* from the API uncached, forwarding viewer headers (Authorization) but not Host', () => {
    const config = distribution();
    const api = config.CacheBehaviors.find((b) => b.PathPattern === '/api/*');
    const origin = config.Origins.find((o) => o.Id === api?.TargetOriginId);

    expect(api).toMatchObject({
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      AllowedMethods: expect.arrayContaining(['GET', 'POST']),
      ViewerProtocolPolicy: 'redirect-to-https',
    });
    expect(origin).toMatchObject({
      CustomOriginConfig: { OriginProtocolPolicy: 'https-only' },
      DomainName: { 'Fn::Select': [2, { 'Fn::Split': ['/', { 'Fn::GetAtt': [expect.any(String), 'ApiEndpoint'] }] }] },
    });
  });

  it('reads the site from S3 through origin access control, over HTTPS, HTTP/2 and 3, including Asian edges', () => {
    const config = distribution();
    const origin = config.Origins.find((o) => o.Id === config.DefaultCacheBehavior.TargetOriginId);

    expect(config).toMatchObject({
      DefaultRootObject: 'index.html',
      HttpVersion: 'http2and3',
      PriceClass: 'PriceClass_200',
      DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https' },
    });
    expect(origin).toMatchObject({
      OriginAccessControlId: { 'Fn::GetAtt': [expect.any(String), 'Id'] },
      S3OriginConfig: { OriginAccessIdentity: '' },
    });
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always' },
    });
  });

  it('keeps the site bucket private and encrypted', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
  });

  it('outputs the site URL and the API URL', () => {
    const outputs = template.toJSON().Outputs;

    expect(outputs.SiteUrl.Value).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/Distribution/), 'DomainName'] }]],
    });
    expect(outputs.ApiUrl.Value).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/HttpApi/), 'ApiEndpoint'] });
  });
});

describe('whole stack', () => {
  it('hard-codes no physical names, so two stages fit in one account', () => {
    // A literal string is hard-coded; a Ref or Join to a generated name is fine.
    const named = Object.entries(resources).filter(([, r]) =>
      ['TableName', 'FunctionName', 'BucketName', 'QueueName', 'RoleName', 'LogGroupName'].some(
        (p) => typeof r.Properties?.[p] === 'string',
      ),
    );

    expect(named.map(([id]) => id)).toEqual([]);
    for (const schedule of Object.values(resources).filter((r) => r.Type === 'AWS::Scheduler::Schedule')) {
      expect(schedule.Properties).not.toHaveProperty('Name');
    }
  });

  it('is environment-agnostic, so it synthesises without AWS credentials', () => {
    expect(Token.isUnresolved(stack.account)).toBe(true);
    expect(Token.isUnresolved(stack.region)).toBe(true);
    expect(stack.environment).toBe('aws://unknown-account/unknown-region');
  });
});

describe('CDK app inputs', () => {
  function runApp(context: Record<string, unknown>) {
    const outdir = tempDir('apel-cdk-out-');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'infra/app.ts'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(context) },
    });
    return { ...run, outdir };
  }

  it('fails with a message naming the invalid config field', () => {
    // Prepare
    const bad = join(tempDir('apel-config-'), 'apel.config.json');
    const config = JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8'));
    config.slots.pagi.closes = '25:00';
    writeFileSync(bad, JSON.stringify(config));

    // Act
    const run = runApp({ config: bad });

    // Assert
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('slots.pagi.closes');
    expect(() => loadConfig(bad)).toThrow(/slots\.pagi\.closes/);
  });

  it('names the unknown time zone field too', () => {
    const bad = join(tempDir('apel-config-'), 'apel.config.json');
    writeFileSync(bad, JSON.stringify({ regency: 'Kabupaten Contoh', timeZone: 'Asia/Atlantis' }));

    expect(() => loadConfig(bad)).toThrow(/timeZone/);
  });

  it('asks for the web build when web/dist is missing', () => {
    const empty = tempDir('apel-no-web-');

    expect(() => requireWebBuild(empty)).toThrow('run npm run build first');
  });

  it('synthesises ApelWfa-<stage> and tags its resources with app and stage', () => {
    // Prepare: skip bundling; this is about the app's wiring, not the Lambda code.
    const context = { ...cdkJsonContext(), stage: 'qa', 'aws:cdk:bundling-stacks': [] };

    // Act
    const run = runApp(context);

    // Assert
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    const synthesised = JSON.parse(readFileSync(join(run.outdir, 'ApelWfa-qa.template.json'), 'utf8'));
    const tables = Object.values(synthesised.Resources as Record<string, Resource>).filter(
      (r) => r.Type === 'AWS::DynamoDB::Table',
    );
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      expect(table.Properties?.Tags).toEqual(
        expect.arrayContaining([
          { Key: 'app', Value: 'apel-wfa' },
          { Key: 'stage', Value: 'qa' },
        ]),
      );
    }
  }, 60_000);
});
