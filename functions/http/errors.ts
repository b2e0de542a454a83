import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AppError, InvalidInput, TooMany, Unavailable } from '../core/errors';
import { logger } from '../telemetry/log';
import { json } from './response';

const STATUS: Record<AppError['kind'], number> = {
  invalid: 400,
  too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many: 429,
  unavailable: 503,
};

/**
 * DynamoDB refusing a request as malformed (`ValidationException`: a key over 2,048
 * bytes, an empty key, an item over 400 KB) is about a value the client sent that the
 * checks before it let through: a 400, never a 500. The SDK has no class for it, only
 * its name on the service exception. Logged (without values) so the missing check is seen.
 */
export function asClientError(error: unknown): unknown {
  if (error instanceof DynamoDBServiceException && error.name === 'ValidationException') {
    logger.warn('DynamoDB refused a value the request checks let through', { error: error.name, fault: error.$fault });
    return new InvalidInput('INPUT_TIDAK_VALID', 'Data permintaan tidak valid (terlalu panjang atau tidak berbentuk benar).');
  }
  return error;
}

/**
 * The one place where errors become HTTP responses. Domain errors keep their code
 * and Indonesian message; anything else is logged once here and answered with a
 * generic 500 that carries no internals.
 */
export function errorToResponse(raised: unknown, requestId?: string): APIGatewayProxyStructuredResultV2 {
  const error = asClientError(raised);
  if (error instanceof AppError) {
    const body = { error: { code: error.code, message: error.message } };
    if (error instanceof Unavailable || error instanceof TooMany) {
      return json(STATUS[error.kind], body, { 'Retry-After': String(error.retryAfterSeconds) });
    }
    return json(STATUS[error.kind], body);
  }
  // The logger adds the Lambda request id (and API Gateway's) to the line; requestId
  // is there for callers without a Lambda context.
  logger.error('unhandled error', { requestId, error: error instanceof Error ? error : String(error) });
  return json(500, {
    error: { code: 'KESALAHAN_SERVER', message: 'Terjadi kesalahan di server. Silakan coba lagi; bila berulang, hubungi admin.' },
  });
}
