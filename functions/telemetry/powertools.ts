import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
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

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'apel-wfa-local';

export const logger = new Logger({ serviceName });

export const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE, serviceName });
