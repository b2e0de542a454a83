import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultUsage, estimateMonthlyCost, formatEstimate, FREE_TIER, PRICES } from '../../functions/cli/cost-model';

const root = new URL('../../', import.meta.url).pathname;

describe('cost model', () => {
  it('prices every billable service of the stack, item by item', () => {
    const estimate = estimateMonthlyCost(defaultUsage(3000));

    const services = new Set(estimate.items.map((i) => i.service));
    for (const s of ['API Gateway', 'Lambda', 'DynamoDB', 'CloudFront', 'EventBridge Scheduler', 'CloudWatch', 'SQS', 'SNS', 'AWS Budgets', 'S3']) {
      expect(services).toContain(s);
    }
    for (const item of estimate.items) {
      expect(item.usd, item.item).toBeGreaterThanOrEqual(0);
      expect(item.usd, item.item).toBeLessThanOrEqual(item.listUsd + 1e-9);
    }
    expect(estimate.totalUsd).toBeCloseTo(estimate.items.reduce((s, i) => s + i.usd, 0), 2);
  });

  it('models 2 WFA days × 2 apel a week, every ASN checking in, and 40 heads polling every 15 s for 3,000 ASN', () => {
    const { traffic, usage } = estimateMonthlyCost(defaultUsage(3000));

    expect(usage.heads).toBe(40);
    expect(traffic.apelPerMonth).toBeCloseTo((2 * 2 * 52) / 12, 5);
    expect(traffic.checkIns).toBeCloseTo(3000 * traffic.apelPerMonth, 0);
    expect(traffic.headPolls).toBeCloseTo(40 * 4 * 52.5 * traffic.apelPerMonth, 0);
    expect(traffic.apiRequests).toBeGreaterThan(traffic.checkIns + traffic.headPolls);
  });

  it('grows with the number of ASN, and stays under the default US$5 budget for 3,000 after the free tier', () => {
    const small = estimateMonthlyCost(defaultUsage(1000));
    const medium = estimateMonthlyCost(defaultUsage(3000));
    const large = estimateMonthlyCost(defaultUsage(10000));

    expect(small.listTotalUsd).toBeLessThan(medium.listTotalUsd);
    expect(medium.listTotalUsd).toBeLessThan(large.listTotalUsd);
    // 80 % of the default budget is when the first warning e-mail goes out.
    expect(medium.totalUsd).toBeLessThan(5 * 0.8);
  });

  it("costs at most US$1 a month for 3,000 ASN after the free tier (issue 13's goal)", () => {
    expect(estimateMonthlyCost(defaultUsage(3000)).totalUsd).toBeLessThanOrEqual(1);
  });

  it('charges API requests at the list price times the Jakarta margin', () => {
    const usage = { ...defaultUsage(3000), regionFactor: 1 };
    const { items, traffic } = estimateMonthlyCost(usage);

    const api = items.find((i) => i.service === 'API Gateway')!;
    expect(api.listUsd).toBeCloseTo((traffic.apiRequests / 1e6) * PRICES.apiGatewayHttpPerMillion, 6);
    expect(estimateMonthlyCost({ ...usage, regionFactor: 2 }).items.find((i) => i.service === 'API Gateway')!.listUsd).toBeCloseTo(2 * api.listUsd, 6);
  });

  it('counts dashboards and alarm metrics beyond the always-free tier only', () => {
    const { items } = estimateMonthlyCost(defaultUsage(3000));

    expect(items.find((i) => i.item.startsWith('dashboard'))!.usd).toBe(0);
    const alarms = items.find((i) => i.item === 'alarms')!;
    const metrics = Number(/^(\d+)/.exec(alarms.quantity)![1]);
    expect(alarms.usd).toBeCloseTo(Math.max(0, metrics - FREE_TIER.alarmMetrics) * PRICES.alarmMetricPerMonth * 1.25, 6);
    expect(alarms.listUsd).toBeCloseTo(metrics * PRICES.alarmMetricPerMonth * 1.25, 6);
  });

  it('says where its prices come from and when they were checked', () => {
    expect(PRICES.source).toMatch(/pricing.*\d{4}-\d{2}-\d{2}/);
    expect(formatEstimate(estimateMonthlyCost(defaultUsage(3000)))).toContain(PRICES.source);
  });

  it('prints the bill with npm run cost -- --asn 3000', async () => {
    const { stdout } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), ['functions/cli/cost.ts', '--asn', '3000'], { cwd: root });

    expect(stdout).toMatch(/for 3,000 ASN/);
    expect(stdout).toMatch(/^total\s+\$\d+\.\d\d\s+\$\d+\.\d\d$/m);
    expect(stdout).toContain('DynamoDB');
  });

  it('refuses a number of ASN that is not a positive number', async () => {
    const run = promisify(execFile)(join(root, 'node_modules/.bin/tsx'), ['functions/cli/cost.ts', '--asn', 'banyak'], { cwd: root });

    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('--asn') });
  });
});
