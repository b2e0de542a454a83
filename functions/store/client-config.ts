import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

/** DynamoDB Local accepts any credentials; with -sharedDb, region and keys do not matter. */
export function localClientConfig(endpoint: string, maxAttempts?: number): DynamoDBClientConfig {
  return {
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    ...(maxAttempts ? { maxAttempts } : {}),
  };
}
