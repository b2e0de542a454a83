import { METRICS_NAMESPACE } from './names';
import { writeLine } from './sink';

/**
 * CloudWatch metrics as embedded metric format (EMF) lines: CloudWatch Logs turns each
 * line into metric values, with no API call and no per-request cost. The format is
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 * — `_aws.CloudWatchMetrics[{ Namespace, Dimensions: [[names]], Metrics: [{ Name, Unit }] }]`
 * with the dimension values and the metric values (arrays allowed) as top-level members.
 * Hand-written for the reason given in log.ts.
 *
 * On AWS the stack sets APEL_METRICS=on and APEL_SERVICE_NAME to the stack name; anywhere
 * else (npm start, tests, benchmarks) nothing reads metrics from stdout, so they stay off
 * unless the environment turns them on.
 */
export type MetricUnit = 'Count' | 'Milliseconds';

export const metricsOn = process.env.APEL_METRICS === 'on';
const service = process.env.APEL_SERVICE_NAME ?? 'apel-wfa-local';
const namespace = process.env.APEL_METRICS_NAMESPACE ?? METRICS_NAMESPACE;

/** Metric values with one set of dimensions, written as one EMF line by `publish`. */
export class MetricSet {
  private dimensions: Record<string, string> = {};
  private values = new Map<string, { unit: MetricUnit; values: number[] }>();

  addDimension(name: string, value: string): void {
    this.dimensions[name] = value;
  }

  addMetric(name: string, unit: MetricUnit, value: number): void {
    const entry = this.values.get(name) ?? { unit, values: [] };
    entry.values.push(value);
    this.values.set(name, entry);
  }

  hasValues(): boolean {
    return this.values.size > 0;
  }

  /** Writes the stored values (when metrics are on) and starts empty again, dimensions too. */
  publish(at = Date.now()): void {
    if (metricsOn && this.values.size > 0) writeLine(emfRecord(at, { service, ...this.dimensions }, this.values));
    this.values.clear();
    this.dimensions = {};
  }
}

export function emfRecord(at: number, dimensions: Record<string, string>, values: Map<string, { unit: MetricUnit; values: number[] }>): Record<string, unknown> {
  const metrics = [...values].map(([name, { unit }]) => ({ Name: name, Unit: unit }));
  const members = Object.fromEntries([...values].map(([name, v]) => [name, v.values.length === 1 ? v.values[0] : v.values]));
  return {
    _aws: { Timestamp: at, CloudWatchMetrics: [{ Namespace: namespace, Dimensions: [Object.keys(dimensions)], Metrics: metrics }] },
    ...dimensions,
    ...members,
  };
}

/** Metrics of the invocation (latency by route, scheduled opens and closes), published at its end. */
export const metrics = new MetricSet();

/** Counts one outcome at once, in its own EMF line, with only `service` and the given dimensions. */
export function countOutcome(metric: string, dimensions: Record<string, string> = {}): void {
  if (!metricsOn) return;
  const values = new Map([[metric, { unit: 'Count' as const, values: [1] }]]);
  writeLine(emfRecord(Date.now(), { service, ...dimensions }, values));
}
