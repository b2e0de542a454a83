import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { METRIC } from '../telemetry/names';
import { countOutcome } from '../telemetry/metrics';
import { localClientConfig } from './client-config';

/**
 * One document client per process, created at module load so a warm Lambda reuses
 * its connections. `DYNAMODB_ENDPOINT` points it at DynamoDB Local in the local
 * runtime and in tests; on AWS it is unset and the SDK uses the region's endpoint.
 * On Lambda the credentials are the ones Lambda puts in the environment (no default
 * chain to walk: see lambda-credentials.ts); the CLI against a deployed stack keeps the
 * SDK's default chain (the deployer's SSO or profile).
 */
function createClient(): DynamoDBDocumentClient {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  const onLambda = process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined;
  const base = new DynamoDBClient(endpoint ? localClientConfig(endpoint) : onLambda ? { credentials: fromEnv() } : {});
  watchThrottles(base, () => countOutcome(METRIC.dynamoThrottled));
  return DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
}

const THROTTLED = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

/** Whether DynamoDB throttled this attempt: a throttling error, or a transaction cancelled for throttling. */
export function isThrottled(error: unknown): boolean {
  const e = error as { name?: string; CancellationReasons?: { Code?: string }[] } | undefined;
  return THROTTLED.has(e?.name ?? '') || (e?.CancellationReasons ?? []).some((r) => r.Code === 'ThrottlingError');
}

function leftUnprocessed(output: unknown): boolean {
  const o = output as { UnprocessedKeys?: object; UnprocessedItems?: object } | undefined;
  return Object.keys(o?.UnprocessedKeys ?? {}).length > 0 || Object.keys(o?.UnprocessedItems ?? {}).length > 0;
}

/**
 * Calls `onThrottle` for every attempt DynamoDB throttles, and for every batch it leaves
 * partly unprocessed (what it does under throttling), so one metric of the app's own
 * (`DynamoDbThrottled`) tells the alarm about throttling of any table, where the table
 * metrics would need two alarm metrics per table. In the SDK's deserialize step, inside
 * its retries, so a retried attempt counts too.
 */
export function watchThrottles(client: DynamoDBClient, onThrottle: () => void): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        const result = await next(args);
        if (leftUnprocessed(result.output)) onThrottle();
        return result;
      } catch (error) {
        if (isThrottled(error)) onThrottle();
        throw error;
      }
    },
    { step: 'deserialize', priority: 'high', name: 'apelThrottleWatch' },
  );
}

export const db = createClient();
