import {
  DynamoDBServiceException,
  InternalServerError,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  ThrottlingException,
} from '@aws-sdk/client-dynamodb';
import { Unavailable } from '../core/errors';

/**
 * DynamoDB throttling, server faults and network failures become `Unavailable`
 * (503 with a retry hint) so a client retries instead of believing it was recorded.
 * The SDK has already retried with back-off by the time an error gets here.
 */
export function asOutage(error: unknown): unknown {
  const throttled =
    error instanceof ProvisionedThroughputExceededException ||
    error instanceof RequestLimitExceeded ||
    error instanceof ThrottlingException;
  const serverFault =
    error instanceof InternalServerError || (error instanceof DynamoDBServiceException && error.$fault === 'server');
  const network = error instanceof Error && !(error instanceof DynamoDBServiceException) && isNetworkError(error);
  if (throttled || serverFault || network) {
    return new Unavailable(
      'LAYANAN_SIBUK',
      'Layanan sedang sibuk, kehadiran Anda belum tercatat. Coba lagi sebentar lagi.',
      throttled ? 2 : 5,
    );
  }
  return error;
}

function isNetworkError(error: Error): boolean {
  const code = (error as { code?: string }).code;
  return (
    error.name === 'TimeoutError' ||
    (code !== undefined && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].includes(code))
  );
}

/** Runs a store operation and turns outages into `Unavailable`. */
export async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw asOutage(error);
  }
}
