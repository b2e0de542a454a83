import { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import { METRICS_NAMESPACE } from './names';

/**
 * One Powertools Logger and one Metrics per Lambda process, created at load.
 *
 * On AWS the CDK stack (infra/constructs/apel-function.ts) sets POWERTOOLS_SERVICE_NAME
 * (the stack name), POWERTOOLS_LOG_LEVEL and POWERTOOLS_METRICS_DISABLED=false. Anywhere
 * else (npm start, tests, the benchmark) nothing reads metrics from stdout, so they stay
 * off unless the environment turns them on; logs are one JSON line each, at INFO.
 * Under POWERTOOLS_DEV (set for the tests) both go through `console`, so vitest shows
 * them only for failing tests.
 */
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

/** Whether this process emits metrics at all (on AWS yes; locally only when asked for). */
export const metricsOn = !['true', '1'].includes(String(process.env.POWERTOOLS_METRICS_DISABLED).toLowerCase());

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'apel-wfa-local';

export const logger = new Logger({ serviceName });

const namespace = process.env.POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE;

/** Metrics of the invocation (latency by route, scheduled opens and closes), flushed at its end. */
export const metrics = new Metrics({ namespace, serviceName });

/**
 * Outcomes counted with their own dimensions (a check-in by status, a refusal by code),
 * each flushed at once as its own EMF line. One instance for the process: Powertools'
 * `singleMetric()` builds a new Metrics per call, which costs ~40 µs on every request.
 */
export const outcomes = new Metrics({ namespace, serviceName });

/** Counts one outcome at once, in its own EMF line, with only `service` and the given dimensions. */
export function countOutcome(metric: string, dimensions: Record<string, string> = {}): void {
  outcomes.addDimensions(dimensions);
  outcomes.addMetric(metric, MetricUnit.Count, 1);
  outcomes.publishStoredMetrics();
}
