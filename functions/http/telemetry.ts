import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { AppError, Unavailable } from '../core/errors';
import { logger } from '../telemetry/log';
import { countOutcome, metrics, metricsOn } from '../telemetry/metrics';
import { CHECKIN_ROUTE, DIMENSION, METRIC } from '../telemetry/names';

type Event = APIGatewayProxyEventV2;
type Result = APIGatewayProxyStructuredResultV2;
type Middleware = middy.MiddlewareObj<Event, Result, Error, Context>;

/**
 * Domain outcomes read from a successful answer, by route: a check-in by the status
 * it was recorded with (`ulang` for a repeat that wrote nothing). The answer is
 * already JSON the handler built; reading a few hundred bytes back costs microseconds
 * and keeps metrics out of the handlers.
 */
const OUTCOMES: Record<string, (body: { repeat?: boolean; checkin?: { status?: string } }) => [string, Record<string, string>]> = {
  [CHECKIN_ROUTE]: (body) => [METRIC.checkIns, { [DIMENSION.status]: body.repeat ? 'ulang' : String(body.checkin?.status) }],
};

function countAnswer(route: string, result: Result | null | undefined): void {
  const outcome = OUTCOMES[route];
  if (!outcome || !result?.body || (result.statusCode ?? 200) >= 300) return;
  try {
    const [metric, dimensions] = outcome(JSON.parse(result.body));
    countOutcome(metric, dimensions);
  } catch {
    logger.warn('answer not understood for metrics', { route });
  }
}

const started = new WeakMap<object, number>();

/**
 * What every API request records: its latency by route, a refusal by error code, an
 * unexpected error, all with the Lambda request id and API Gateway's request
 * id, never the event or its headers (the Authorization header carries the link
 * token). Used before the error mapper, so its `onError` sees the mapped answer.
 */
function requestTelemetry(): Middleware {
  const finish = (request: middy.Request<Event, Result, Error, Context>) => {
    const began = started.get(request);
    if (began !== undefined) metrics.addMetric(METRIC.latency, 'Milliseconds', performance.now() - began);
    const status = request.response?.statusCode;
    const error = request.error;
    if (error instanceof AppError) {
      countOutcome(METRIC.refusals, { [DIMENSION.code]: error.code });
      // One metric for every 401, whatever the code, so one alarm watches floods of wrong tokens.
      if (error.kind === 'unauthenticated') countOutcome(METRIC.unauthenticated);
      // Throttling or an outage of DynamoDB: worth a line at the default level.
      if (error instanceof Unavailable) logger.warn('dependency unavailable', { status, code: error.code });
      else logger.debug('refused', { status, code: error.code });
    } else if (error) {
      // errorToResponse has logged it with its stack.
      countOutcome(METRIC.serverErrors, {});
    } else {
      countAnswer(request.event.routeKey, request.response);
      logger.debug('answered', { status });
    }
  };
  return {
    before: (request) => {
      started.set(request, performance.now());
      logger.startRequest(request.context);
      const route = request.event.routeKey;
      // Lambda runs one request per process, so the dimension is always fresh there; the
      // local server runs many at once in one process, where metrics are off anyway and
      // adding it would only warn that another request's value is overwritten.
      if (route && metricsOn) metrics.addDimension(DIMENSION.route, route);
      logger.appendKeys({ route, apiRequestId: request.event.requestContext?.requestId });
    },
    after: (request) => {
      finish(request);
      metrics.publish();
    },
    onError: (request) => {
      finish(request);
      metrics.publish();
    },
  };
}

/** What every API request records (functions/telemetry): log keys of the request, its metrics published at its end. */
export function httpTelemetry(): Middleware[] {
  return [requestTelemetry()];
}
