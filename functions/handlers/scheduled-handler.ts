import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { InvalidInput } from '../core/errors';
import { parseSesiId } from '../core/sesi';
import { DIMENSION, METRIC } from '../telemetry/names';
import { logger } from '../telemetry/log';
import { metrics } from '../telemetry/metrics';

/**
 * Input of the apel clock, as EventBridge Scheduler (or the local scheduler) sends it
 * every minute: `{}`; the clock reads the time itself. An operator repairing an older
 * day by hand sends `{ "tutup": "2026-11-30.pagi" }`: close that sesi (again) and write
 * its recap. Anything else is a mistake in the schedule's definition and fails loudly
 * (and so lands in the dead-letter queue).
 */
const input = z.strictObject({
  tutup: z.optional(z.string().check(z.refine((id) => parseSesiId(id) !== undefined, 'harus berbentuk YYYY-MM-DD.pagi'))),
});

export function scheduledInput(event: unknown): { tutup?: string | undefined } {
  const parsed = input.safeParse(event ?? {});
  if (!parsed.success) {
    throw new InvalidInput('INPUT_TIDAK_VALID', `Masukan jadwal tidak valid: ${JSON.stringify(event)}`);
  }
  return parsed.data;
}

/** Starts the log keys of a run and publishes its metrics when it returns or fails (only when it recorded some). */
const runTelemetry: middy.MiddlewareObj<unknown, unknown, Error, Context> = {
  before: (request) => logger.startRequest(request.context),
  after: () => metrics.publish(),
  onError: () => metrics.publish(),
};

/**
 * A scheduled handler: every log line carries the Lambda request id, and the metrics
 * it records are published when it returns or fails.
 * The local scheduler and the tests call it without a Lambda context.
 */
export function scheduledHandler<R>(handle: (event: unknown) => Promise<R>) {
  const wrapped = middy<unknown, R, Error, Context>()
    .use(runTelemetry)
    .handler((event) => handle(event));
  return (event: unknown, context?: Context): Promise<R> => wrapped(event, context ?? ({} as Context));
}

/** One structured log line at INFO: `message` plus fields (ids and counts, no personal data). */
export function log({ message, ...fields }: { message: string } & Record<string, unknown>): void {
  logger.info(message, fields);
}

/** Whether the schedule opened (or closed) a sesi of this slot: 1 or 0, so every run shows on the dashboard. */
export function countSesi(metric: typeof METRIC.sesiOpened | typeof METRIC.sesiClosed, slot: string, done: boolean): void {
  metrics.addDimension(DIMENSION.slot, slot);
  metrics.addMetric(metric, 'Count', done ? 1 : 0);
}
