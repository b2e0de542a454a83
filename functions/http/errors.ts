import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AppError, Unavailable } from '../core/errors';
import { logger } from '../telemetry/powertools';
import { json } from './response';

const STATUS: Record<AppError['kind'], number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
};

/**
 * The one place where errors become HTTP responses. Domain errors keep their code
 * and Indonesian message; anything else is logged once here and answered with a
 * generic 500 that carries no internals.
 */
export function errorToResponse(error: unknown, requestId?: string): APIGatewayProxyStructuredResultV2 {
  if (error instanceof AppError) {
    const body = { error: { code: error.code, message: error.message } };
    if (error instanceof Unavailable) {
      return json(503, body, { 'Retry-After': String(error.retryAfterSeconds) });
    }
    return json(STATUS[error.kind], body);
  }
  // Powertools adds the Lambda request id (and API Gateway's) to the line; requestId
  // is there for callers without a Lambda context.
  logger.error('unhandled error', { requestId, error: error instanceof Error ? error : String(error) });
  return json(500, {
    error: { code: 'KESALAHAN_SERVER', message: 'Terjadi kesalahan di server. Silakan coba lagi; bila berulang, hubungi admin.' },
  });
}
