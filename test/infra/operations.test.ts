import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, EARLY_ME_SHA256, HSTS_MAX_AGE_SECONDS, SECURITY_HEADERS } from '../../functions/http/security-headers';
import { APEL_CLOCK, alarmMetricCount } from '../../functions/cli/cost-model';
import { API_FUNCTIONS } from '../../functions/http/routes';
import { functionsTriggeredBy } from '../../functions/manifest';
import { CHECKIN_ROUTE, METRICS_NAMESPACE } from '../../functions/telemetry/names';
import { ACCESS_LOG_FIELDS } from '../../infra/constructs/checkin-api';
import { WEB_DIST_DIR } from '../../infra/paths';
import { BUDGET_REGION, type ApelBudgetStack } from '../../infra/budget-stack';
import type { ApelWfaStack } from '../../infra/stack';
import { buildStack, repoConfig } from './synth-support';

type Resource = { Type: string; Properties?: Record<string, any> };

const STAGE = 'prod';
const STACK_NAME = `ApelWfa-${STAGE}`;
let stack: ApelWfaStack;
let budget: ApelBudgetStack;
let app: ReturnType<typeof buildStack>['app'];
let template: Template;
let resources: Record<string, Resource>;
const tempDirs: string[] = [];

function ofType(type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}
/** The same stage from a config without `operations` (no alarm e-mail, default budget), built once on first use. */
let bareStage: ReturnType<typeof buildStack> | undefined;
const bare = () => (bareStage ??= buildStack('bare', repoConfig((c) => delete c.operations)));
const logicalId = (construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnFunction | CfnTable);

beforeAll(() => {
  // Prepare / Act: one synth of the production stage with an alarm e-mail set.
  ({ app, stack, budget } = buildStack(STAGE, repoConfig((c) => (c.operations = { alarmEmail: 'it@bolselkab.go.id', monthlyBudgetUsd: 7 }))));
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources;
}, 120_000);

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('cdk-nag AwsSolutionsChecks', () => {
  it('finds nothing in the synthesised stack that is not acknowledged', () => {
    const report = new AwsSolutionsChecks(app).validateScope(app);

    const findings = report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('acknowledges each finding on the resource that causes it, by rule id, with a reason', () => {
    const acknowledged = app.node
      .findAll()
      .flatMap((c) =>
        c.node.metadata
          .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
          .flatMap((m) => Object.entries(m.data as Record<string, { reason?: string } | string>).map(([id, v]) => ({ path: c.node.path, id, v }))),
      );

    expect(acknowledged.length).toBeGreaterThan(10);
    for (const { path, id, v } of acknowledged) {
      const reason = typeof v === 'string' ? v : (v.reason ?? JSON.stringify(v));
      expect(id, path).toMatch(/AwsSolutions-[A-Z]+\d+/);
      expect(reason.length, `${id} at ${path}`).toBeGreaterThan(40);
      // Not stack- or app-wide: a new resource of the same kind must be judged on its own.
      expect(path, id).not.toMatch(new RegExp(`^(${STACK_NAME})?$`));
      // IAM wildcards are acknowledged finding by finding (v2's appliesTo), never the whole rule.
      if (id.includes('AwsSolutions-IAM5')) expect(id, path).toMatch(/IAM5\[(Resource|Action)::.+\]/);
    }
  });

  it('still reports a new wildcard permission that nobody acknowledged', () => {
    // Prepare: the same stack plus a role that may do anything on DynamoDB.
    const fresh = buildStack('nagcheck');
    new Role(fresh.stack, 'CarelessRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') }).addToPolicy(
      new PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }),
    );

    // Act
    const report = new AwsSolutionsChecks(fresh.app).validateScope(fresh.app);

    // Assert
    const rules = report.violations.filter((v) => v.violatingResources.some((r) => (r.constructPath ?? '').includes('CarelessRole')));
    expect(rules.map((v) => v.ruleName)).toEqual(expect.arrayContaining(['AwsSolutions-IAM5[Action::dynamodb:*]', 'AwsSolutions-IAM5[Resource::*]']));
  });
});

describe('site security', () => {
  function headersPolicy(): Record<string, any> {
    const [[, policy]] = ofType('AWS::CloudFront::ResponseHeadersPolicy') as [[string, Resource]];
    return policy.Properties!.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
  }

  it('sends the headers of functions/http/security-headers.ts from CloudFront, overriding the origin', () => {
    const h = headersPolicy();

    expect(h.ContentSecurityPolicy).toEqual({ ContentSecurityPolicy: SECURITY_HEADERS['content-security-policy'], Override: true });
    expect(h.ContentTypeOptions).toEqual({ Override: true });
    expect(h.ReferrerPolicy).toEqual({ ReferrerPolicy: SECURITY_HEADERS['referrer-policy'], Override: true });
    expect(h.FrameOptions).toEqual({ FrameOption: SECURITY_HEADERS['x-frame-options'], Override: true });
    expect(h.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: HSTS_MAX_AGE_SECONDS, IncludeSubdomains: true, Override: true });
    // The same HSTS header line as the local server sends.
    const hsts = `max-age=${h.StrictTransportSecurity.AccessControlMaxAgeSec}${h.StrictTransportSecurity.IncludeSubdomains ? '; includeSubDomains' : ''}`;
    expect(hsts).toBe(SECURITY_HEADERS['strict-transport-security']);
  });

  it('uses the policy for the site and for /api/*, and for /sw.js the same headers plus no-cache', () => {
    const policies = ofType('AWS::CloudFront::ResponseHeadersPolicy') as [string, Resource][];
    const byComment = (comment: RegExp) => policies.find(([, p]) => comment.test(p.Properties!.ResponseHeadersPolicyConfig.Comment))!;
    const [site, { Properties: siteProps }] = byComment(/strict CSP/);
    const [worker, { Properties: workerProps }] = byComment(/no-cache for \/sw\.js/);
    const [[, distribution]] = ofType('AWS::CloudFront::Distribution') as [[string, Resource]];
    const config = distribution.Properties!.DistributionConfig;

    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behavior.ResponseHeadersPolicyId, behavior.PathPattern ?? 'default').toEqual({ Ref: behavior.PathPattern === '/sw.js' ? worker : site });
    }
    expect(config.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern).sort()).toEqual(['/api/*', '/sw.js']);
    const workerConfig = workerProps!.ResponseHeadersPolicyConfig;
    const siteConfig = siteProps!.ResponseHeadersPolicyConfig;
    expect(workerConfig.SecurityHeadersConfig).toEqual(siteConfig.SecurityHeadersConfig);
    expect(workerConfig.CustomHeadersConfig.Items).toEqual([{ Header: 'Cache-Control', Value: 'no-cache', Override: true }]);
  });

  it('has a strict policy: nothing from other origins, no inline code but the one script allowed by its hash, no framing, no plugins', () => {
    expect(CSP_DIRECTIVES['default-src']).toEqual(["'self'"]);
    expect(CSP_DIRECTIVES['script-src']).toEqual(["'self'", EARLY_ME_SHA256]);
    expect(CSP_DIRECTIVES['style-src']).toEqual(["'self'"]);
    expect(CSP_DIRECTIVES['img-src']).toEqual(["'self'", 'data:']);
    expect(CSP_DIRECTIVES['connect-src']).toEqual(["'self'"]);
    expect(CSP_DIRECTIVES['frame-ancestors']).toEqual(["'none'"]);
    expect(CSP_DIRECTIVES['object-src']).toEqual(["'none'"]);
    expect(CSP_DIRECTIVES['base-uri']).toEqual(["'none'"]);
    expect(SECURITY_HEADERS['content-security-policy']).not.toMatch(/unsafe-|\*|https?:/);
  });

  it('lets the built site run under that policy: one inline script, the one whose hash it names (early GET /api/me); no inline style or handler, nothing from elsewhere', () => {
    const html = readFileSync(join(WEB_DIST_DIR, 'index.html'), 'utf8');
    const css = readdirSync(join(WEB_DIST_DIR, 'assets'))
      .filter((f) => f.endsWith('.css'))
      .map((f) => readFileSync(join(WEB_DIST_DIR, 'assets', f), 'utf8'))
      .join('\n');

    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    const inline = scripts.filter(([, attrs]) => !/\bsrc=/.test(attrs!));
    expect(scripts.length).toBeGreaterThan(inline.length);
    for (const [, attrs, body] of scripts.filter((s) => !inline.includes(s))) {
      expect(attrs, 'script-src self: a script with a file is from this origin').toMatch(/\bsrc="\//);
      expect(body?.trim()).toBe('');
    }
    // The early GET /api/me of web/index.html: allowed by its sha256 (change one, change the other).
    expect(inline).toHaveLength(1);
    const hash = `'sha256-${createHash('sha256').update(inline[0]![2]!).digest('base64')}'`;
    expect(CSP_DIRECTIVES['script-src'], `web/index.html's inline script is ${hash}`).toContain(hash);
    expect(EARLY_ME_SHA256).toBe(hash);
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\son[a-z]+=/);
    // Every src/href is this origin or a data: URL (img-src data: for the favicon and QR codes).
    for (const [, url] of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) expect(url).toMatch(/^(\/(?!\/)|data:)/);
    for (const [, url] of css.matchAll(/url\(\s*['"]?([^'")]+)/g)) expect(url).toMatch(/^(\/(?!\/)|data:|#)/);
    expect(css).not.toMatch(/@import\s+url\(\s*['"]?https?:/);
  });

  it('serves the same headers from the local server, so npm start and the e2e tests run under the same policy', async () => {
    const web = mkdtempSync(join(tmpdir(), 'apel-web-'));
    tempDirs.push(web);
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'export {}');
    const { startServer } = await import('../../functions/local/server');
    const server = await startServer({ port: 0, webDir: web, routes: {} as never });
    try {
      for (const path of ['/', '/assets/app.js']) {
        const res = await fetch(`${server.url}${path}`);

        expect(res.status).toBe(200);
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), `${path} ${name}`).toBe(value);
      }
    } finally {
      await server.close();
    }
  });

  it('refuses plain-HTTP access to the site bucket and blocks public access', () => {
    const [[bucketId, bucket]] = ofType('AWS::S3::Bucket') as [[string, Resource]];
    const policies = ofType('AWS::S3::BucketPolicy').filter(([, p]) => JSON.stringify(p.Properties!.Bucket).includes(bucketId));

    expect(bucket.Properties!.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(policies.flatMap(([, p]) => p.Properties!.PolicyDocument.Statement)).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });
});

describe('HTTP API', () => {
  it('throttles the stage at 500 req/s with bursts of 1,000: under Jakarta’s account default of 2,500 / 1,250, even with two stages', () => {
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage') as [[string, Resource]];

    const { ThrottlingRateLimit: rate, ThrottlingBurstLimit: burst } = stage.Properties!.DefaultRouteSettings;
    expect(rate).toBe(500);
    expect(burst).toBe(1000);
    expect(2 * rate).toBeLessThanOrEqual(2500);
    expect(burst).toBeLessThanOrEqual(1250);
  });

  it('writes an access log line per request with ids, route and status, but no IP address, user agent or header', () => {
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage') as [[string, Resource]];
    const { DestinationArn, Format } = stage.Properties!.AccessLogSettings;
    const logGroup = resources[DestinationArn['Fn::GetAtt'][0]];

    expect(JSON.parse(Format)).toEqual(ACCESS_LOG_FIELDS);
    expect(Format).toContain('$context.requestId');
    expect(Format).not.toMatch(/sourceIp|userAgent|header|authorizer|identity/i);
    expect(logGroup?.Properties?.RetentionInDays).toBe(90);
  });
});

describe('logs and metrics', () => {
  const apelFunctions = () => ofType('AWS::Lambda::Function').filter(([, r]) => r.Properties!.Environment?.Variables?.APEL_CONFIG);

  it('configures telemetry in every function: JSON logs at INFO, metrics on, this stage as the service', () => {
    expect(apelFunctions().length).toBe(Object.keys(stack.functions).length);
    for (const [id, fn] of apelFunctions()) {
      const env = fn.Properties!.Environment.Variables;

      expect(env, id).toMatchObject({
        APEL_SERVICE_NAME: STACK_NAME,
        APEL_METRICS_NAMESPACE: METRICS_NAMESPACE,
        APEL_METRICS: 'on',
        APEL_LOG_LEVEL: 'INFO',
      });
    }
  });

  it('keeps every log group for a limited time, and every function logs into one of them', () => {
    const groups = ofType('AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThan(Object.keys(stack.functions).length);
    for (const [id, group] of groups) expect(group.Properties?.RetentionInDays, id).toBeGreaterThan(0);
    for (const [id, fn] of ofType('AWS::Lambda::Function')) {
      const ref = fn.Properties!.LoggingConfig?.LogGroup?.Ref;
      expect(resources[ref]?.Type, id).toBe('AWS::Logs::LogGroup');
    }
    for (const fn of Object.values(stack.functions)) {
      const ref = resources[logicalId(fn)]!.Properties!.LoggingConfig.LogGroup.Ref;
      expect(resources[ref]!.Properties!.RetentionInDays).toBe(90);
    }
  });
});

describe('alarms to a human', () => {
  const alarms = () => ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
  const topic = () => (ofType('AWS::SNS::Topic')[0] as [string, Resource])[0];

  it('e-mails the address of the config through an SNS topic that refuses plain HTTP', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'it@bolselkab.go.id',
      TopicArn: { Ref: topic() },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('sends every alarm and its recovery to the topic, named after the stack', () => {
    expect(alarms().length).toBeGreaterThan(0);
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions, alarm.AlarmName).toEqual([{ Ref: topic() }]);
      expect(alarm.OKActions, alarm.AlarmName).toEqual([{ Ref: topic() }]);
      expect(alarm.AlarmName).toMatch(new RegExp(`^${STACK_NAME} `));
      expect(alarm.TreatMissingData).toBe('notBreaching');
      expect(alarm.AlarmDescription).toContain('docs/operations.md');
    }
  });

  it('alarms as soon as one failed open or close lands in the schedules’ dead-letter queue', () => {
    const queue = stack.getLogicalId(stack.node.findChild('ApelSchedules').node.findChild('DeadLetterQueue').node.defaultChild as CfnFunction);

    expect(alarms()).toContainEqual(
      expect.objectContaining({
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    );
  });

  it('alarms on 5xx answers of the HTTP API', () => {
    const [[apiId]] = ofType('AWS::ApiGatewayV2::Api') as [[string, Resource]];

    expect(alarms()).toContainEqual(
      expect.objectContaining({ Namespace: 'AWS/ApiGateway', MetricName: '5xx', Dimensions: [{ Name: 'ApiId', Value: { Ref: apiId } }] }),
    );
  });

  it('alarms on the p99 latency of check-ins of this stage', () => {
    expect(alarms()).toContainEqual(
      expect.objectContaining({
        Namespace: METRICS_NAMESPACE,
        MetricName: 'Latency',
        ExtendedStatistic: 'p99',
        Dimensions: expect.arrayContaining([
          { Name: 'service', Value: STACK_NAME },
          { Name: 'route', Value: CHECKIN_ROUTE },
        ]),
      }),
    );
  });

  it('alarms on errors of every Lambda function of the region, so each function of stack.functions and any added later is covered', () => {
    const errors = alarms().filter((a) => a.Namespace === 'AWS/Lambda' && a.MetricName === 'Errors');

    expect(errors).toEqual([expect.objectContaining({ Statistic: 'Sum', Threshold: 1 })]);
    expect(errors[0]!.Dimensions).toBeUndefined();
  });

  it('alarms on Lambda throttles across the region, where the concurrency limit every function shares applies', () => {
    expect(alarms()).toContainEqual(
      expect.objectContaining({ Namespace: 'AWS/Lambda', MetricName: 'Throttles', Statistic: 'Sum', Threshold: 1 }),
    );
    const throttles = alarms().find((a) => a.MetricName === 'Throttles');
    expect(throttles?.Dimensions).toBeUndefined();
  });

  it('has as many alarm metrics as the cost model bills for this stack', () => {
    const metrics = alarms().reduce((n, a) => n + (a.Metrics ? a.Metrics.filter((m: { MetricStat?: unknown }) => m.MetricStat).length : 1), 0);

    expect(metrics).toBe(alarmMetricCount());
    // The cost model counts the API functions of the route table, the apel clock and the reminders' sender.
    expect(API_FUNCTIONS.length + APEL_CLOCK.functions + functionsTriggeredBy('queue').length).toBe(Object.keys(stack.functions).length);
  });

  it('watches every function in the template, even one left out of stack.functions: no alarm is tied to one function', () => {
    const functions = ofType('AWS::Lambda::Function').filter(([, fn]) => fn.Properties!.Environment?.Variables?.APEL_CONFIG);
    expect(functions.length).toBeGreaterThan(0);
    for (const alarm of alarms()) expect(JSON.stringify(alarm.Dimensions ?? []), alarm.AlarmName).not.toContain('FunctionName');
  });

  it('alarms on DynamoDB throttling of any table, as the functions report it (one metric of this stage)', () => {
    expect(alarms()).toContainEqual(
      expect.objectContaining({ Namespace: METRICS_NAMESPACE, MetricName: 'DynamoDbThrottled', Dimensions: [{ Name: 'service', Value: STACK_NAME }], Threshold: 1 }),
    );
    expect(ofType('AWS::DynamoDB::Table').length).toBe(Object.keys(stack.tables).length);
  });

  it('warns, and still synthesises, when the config names no alarm e-mail', () => {
    const { stack: plain } = bare();

    Annotations.fromStack(plain).hasWarning('*', Match.stringLikeRegexp('operations.alarmEmail'));
    expect(Template.fromStack(plain).findResources('AWS::SNS::Subscription')).toEqual({});
  });
});

describe('dashboard and budget', () => {
  it("shows today's apel: check-ins by status, refusals, latency, errors of every function and table", () => {
    const [[, dashboard]] = ofType('AWS::CloudWatch::Dashboard') as [[string, Resource]];
    const body = JSON.stringify(dashboard.Properties!.DashboardBody);

    expect(dashboard.Properties!.DashboardName).toBe(`${STACK_NAME}-apel-hari-ini`);
    for (const text of ['CheckIns', 'hadir', 'terlambat', 'Refusals', 'Latency', 'p99', 'ApproximateNumberOfMessagesVisible', '5xx']) {
      expect(body).toContain(text);
    }
    for (const fn of Object.values(stack.functions)) expect(body).toContain(logicalId(fn));
    for (const { table } of Object.values(stack.tables)) expect(body).toContain(logicalId(table));
  });

  it('sets a monthly cost budget of the configured amount that e-mails at 80 % and 100 % of actual spend', () => {
    Template.fromStack(budget).hasResourceProperties('AWS::Budgets::Budget', {
      Budget: {
        BudgetName: `${STACK_NAME}-bulanan`,
        BudgetType: 'COST',
        TimeUnit: 'MONTHLY',
        BudgetLimit: { Amount: 7, Unit: 'USD' },
      },
      NotificationsWithSubscribers: [80, 100].map((threshold) => ({
        Notification: { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: threshold, ThresholdType: 'PERCENTAGE' },
        Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'it@bolselkab.go.id' }],
      })),
    });
  });

  it('puts the budget in its own stack in us-east-1, where CloudFormation has AWS::Budgets::Budget', () => {
    expect(budget.stackName).toBe(`${STACK_NAME}-anggaran`);
    expect(budget.region).toBe(BUDGET_REGION);
    expect(template.findResources('AWS::Budgets::Budget')).toEqual({});
  });

  it('defaults the budget to US$5 and warns when nobody is e-mailed', () => {
    const { budget: plain } = bare();

    Template.fromStack(plain).hasResourceProperties('AWS::Budgets::Budget', {
      Budget: { BudgetLimit: { Amount: 5, Unit: 'USD' } },
      NotificationsWithSubscribers: Match.absent(),
    });
    Annotations.fromStack(plain).hasWarning('*', Match.stringLikeRegexp('operations.alarmEmail'));
  });
});

describe('stages', () => {
  /** Names that must be unique in an account and region, wherever the template sets them literally. */
  const UNIQUE_NAMES = ['TableName', 'FunctionName', 'BucketName', 'QueueName', 'TopicName', 'RoleName', 'LogGroupName', 'AlarmName', 'DashboardName', 'ManagedPolicyName', 'ScheduleGroupName'];

  function physicalNames(t: Template): string[] {
    const names: string[] = [];
    for (const r of Object.values(t.toJSON().Resources as Record<string, Resource>)) {
      for (const [key, value] of Object.entries(r.Properties ?? {})) {
        if (UNIQUE_NAMES.includes(key) && typeof value === 'string') names.push(value);
        // Budget.BudgetName, ResponseHeadersPolicyConfig.Name, OriginAccessControlConfig.Name…
        if (/^(Budget|.*Config)$/.test(key) && value && typeof value === 'object') {
          for (const [inner, name] of Object.entries(value)) if (/^(Budget)?Name$/.test(inner) && typeof name === 'string') names.push(name);
        }
      }
    }
    return names;
  }

  it('lets uji and prod live in one account: no literal physical name of one appears in the other', () => {
    const other = buildStack('uji');
    const uji = [...physicalNames(Template.fromStack(other.stack)), ...physicalNames(Template.fromStack(other.budget))];
    const prod = [...physicalNames(template), ...physicalNames(Template.fromStack(budget))];

    expect(uji.length).toBeGreaterThan(0);
    expect(uji.filter((name) => prod.includes(name))).toEqual([]);
    const alnum = (text: string) => text.replace(/[^A-Za-z0-9]/g, '');
    for (const name of prod) expect(alnum(name)).toContain(alnum(STACK_NAME));
  });
});
