import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALARM_METRICS, alarmMetricCount, defaultUsage, estimateMonthlyCost, FREE_TIER } from '../../functions/cli/cost-model';
import { ConfigError, DEFAULT_WAF_REQUESTS_PER_5_MINUTES } from '../../functions/core/config';
import { METRICS_NAMESPACE } from '../../functions/telemetry/names';
import { UNAUTHENTICATED_PER_5_MINUTES } from '../../infra/constructs/monitoring';
import { EDGE_REGION, webAclArnParameter } from '../../infra/edge-stack';
import { buildStack, repoConfig } from './synth-support';

type Resource = { Type: string; Properties?: Record<string, any>; DependsOn?: string[] };

/**
 * Issue 13's bill (≤ US$1 a month for 3,000 ASN): at most 10 alarm metrics (the free tier)
 * that still catch what the per-function and per-table alarms caught, an alarm on floods
 * of 401s, and AWS WAF as an option that is off unless the config turns it on.
 */

const STACK_NAME = 'ApelWfa-prod';
let resources: Record<string, Resource>;

const ofType = (all: Record<string, Resource>, type: string) => Object.entries(all).filter(([, r]) => r.Type === type);
const alarms = () => ofType(resources, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
/** Alarms are billed per metric: a metric-math alarm by the metrics it reads. */
const alarmMetrics = () => alarms().reduce((n, a) => n + (a.Metrics ? a.Metrics.filter((m: { MetricStat?: unknown }) => m.MetricStat).length : 1), 0);

beforeAll(() => {
  // Prepare / Act: the production stage as the repo's config has it (operations.waf off).
  const { stack } = buildStack('prod', repoConfig((c) => (c.operations = { alarmEmail: 'it@bolselkab.go.id' })));
  resources = Template.fromStack(stack).toJSON().Resources;
}, 120_000);

describe('alarms within the free tier', () => {
  it('uses at most 10 alarm metrics, as many as the cost model bills, whatever the number of functions and tables', () => {
    expect(alarmMetrics()).toBeLessThanOrEqual(FREE_TIER.alarmMetrics);
    expect(alarmMetrics()).toBe(alarmMetricCount());
    expect(alarms().length).toBe(ALARM_METRICS.length);
    const bill = estimateMonthlyCost(defaultUsage(3000)).items.find((i) => i.item === 'alarms')!;
    expect(bill.usd).toBe(0);
  });

  it('alarms on a flood of 401s: the app counts every 401 in one metric of this stage', () => {
    expect(alarms()).toContainEqual(
      expect.objectContaining({
        Namespace: METRICS_NAMESPACE,
        MetricName: 'Unauthenticated',
        Dimensions: [{ Name: 'service', Value: STACK_NAME }],
        Statistic: 'Sum',
        Period: 300,
        Threshold: UNAUTHENTICATED_PER_5_MINUTES,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    );
    expect(UNAUTHENTICATED_PER_5_MINUTES).toBeGreaterThan(0);
  });

  it("alarms on the app's own server errors and on DynamoDB throttling it sees, in this stage only", () => {
    for (const name of ['ServerErrors', 'DynamoDbThrottled']) {
      expect(alarms(), name).toContainEqual(
        expect.objectContaining({ Namespace: METRICS_NAMESPACE, MetricName: name, Dimensions: [{ Name: 'service', Value: STACK_NAME }], Threshold: 1 }),
      );
    }
  });

  it('keeps the alarms of every failure caught before: schedule dead letters, API 5xx, check-in p99, Lambda errors and throttles', () => {
    const watched = alarms().map((a) => `${a.Namespace} ${a.MetricName}`);

    expect(watched).toEqual(
      expect.arrayContaining(['AWS/SQS ApproximateNumberOfMessagesVisible', 'AWS/ApiGateway 5xx', `${METRICS_NAMESPACE} Latency`, 'AWS/Lambda Errors', 'AWS/Lambda Throttles']),
    );
  });
});

describe('AWS WAF (operations.waf)', () => {
  it('is off by default: no web ACL, no edge stack, no ACL on the distribution', () => {
    const { app, stack } = buildStack('prod');

    expect(repoConfig().operations.waf).toBe(false);
    expect(app.node.tryFindChild(`${STACK_NAME}-waf`)).toBeUndefined();
    for (const s of app.node.children.filter((c): c is Stack => c instanceof Stack)) {
      expect(Template.fromStack(s).findResources('AWS::WAFv2::WebACL'), s.stackName).toEqual({});
    }
    const [[, distribution]] = ofType(Template.fromStack(stack).toJSON().Resources, 'AWS::CloudFront::Distribution') as [[string, Resource]];
    expect(distribution.Properties!.DistributionConfig.WebACLId).toBeUndefined();
  });

  describe('turned on', () => {
    let built: ReturnType<typeof buildStack>;
    let edge: Stack;
    let edgeResources: Record<string, Resource>;
    let main: Record<string, Resource>;

    beforeAll(() => {
      built = buildStack('prod', repoConfig((c) => (c.operations = { alarmEmail: 'it@bolselkab.go.id', waf: true })));
      edge = built.app.node.findChild(`${STACK_NAME}-waf`) as Stack;
      edgeResources = Template.fromStack(edge).toJSON().Resources;
      main = Template.fromStack(built.stack).toJSON().Resources;
    }, 120_000);

    it('puts a CloudFront web ACL with a rate-based rule per client IP in its own stack in us-east-1', () => {
      const [[, acl]] = ofType(edgeResources, 'AWS::WAFv2::WebACL') as [[string, Resource]];

      expect(edge.region).toBe(EDGE_REGION);
      expect(acl.Properties).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} }, Name: `${STACK_NAME}-waf` });
      expect(acl.Properties!.Rules).toEqual([
        expect.objectContaining({
          Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: DEFAULT_WAF_REQUESTS_PER_5_MINUTES, EvaluationWindowSec: 300 } },
          Action: { Block: expect.objectContaining({ CustomResponse: expect.objectContaining({ ResponseCode: 429 }) }) },
        }),
      ]);
      // No sampled requests: a sample would keep the Authorization header (the link token) and the IP address.
      expect(JSON.stringify(acl.Properties)).not.toContain('"SampledRequestsEnabled":true');
    });

    it('attaches it to the distribution through the ARN the edge stack publishes, and deploys the edge stack first', () => {
      const [[, distribution]] = ofType(main, 'AWS::CloudFront::Distribution') as [[string, Resource]];
      const [[, parameter]] = ofType(edgeResources, 'AWS::SSM::Parameter') as [[string, Resource]];
      const webAclId = distribution.Properties!.DistributionConfig.WebACLId;

      expect(parameter.Properties!.Name).toBe(webAclArnParameter(STACK_NAME));
      expect(webAclId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^WafWebAclRead/), 'Parameter.Value'] });
      expect(JSON.stringify(main)).toContain(webAclArnParameter(STACK_NAME));
      expect(built.stack.dependencies).toContain(edge);
    });

    it('takes the limit the config names, and refuses a limit below 100', () => {
      const custom = buildStack('prod', repoConfig((c) => (c.operations = { waf: { requestsPer5Minutes: 600 } })));
      const acl = Object.values(Template.fromStack(custom.app.node.findChild(`${STACK_NAME}-waf`) as Stack).findResources('AWS::WAFv2::WebACL'))[0]!;

      expect(acl.Properties.Rules[0].Statement.RateBasedStatement.Limit).toBe(600);
      expect(() => repoConfig((c) => (c.operations = { waf: { requestsPer5Minutes: 5 } }))).toThrow(ConfigError);
      expect(() => repoConfig((c) => (c.operations = { waf: { requestsPer5Minutes: 5 } }))).toThrow(/operations\.waf/);
    });

    it('leaves nothing for cdk-nag that is not acknowledged, and no acknowledgement of a missing WAF', () => {
      const report = new AwsSolutionsChecks(built.app).validateScope(built.app);

      expect(report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
      const distribution = built.stack.node.findChild('WebSite').node.findChild('Distribution');
      expect(JSON.stringify(distribution.node.metadata)).not.toContain('AwsSolutions-CFR2');
    });

    it('prices it in npm run cost: US$5 for the web ACL, US$1 for the rule, US$0.60 per million requests', () => {
      const off = estimateMonthlyCost(defaultUsage(3000));
      const on = estimateMonthlyCost({ ...defaultUsage(3000), waf: true });
      const waf = on.items.find((i) => i.service === 'AWS WAF')!;

      expect(off.items.find((i) => i.service === 'AWS WAF')).toBeUndefined();
      expect(waf.usd).toBeCloseTo(5 + 1 + (on.traffic.cloudFrontRequests / 1e6) * 0.6, 6);
      expect(on.totalUsd).toBeCloseTo(off.totalUsd + waf.usd, 1);
    });
  });
});
