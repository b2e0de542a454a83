import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localClientConfig } from './client-config';

/**
 * One document client per process, created at module load so a warm Lambda reuses
 * its connections. `DYNAMODB_ENDPOINT` points it at DynamoDB Local in the local
 * runtime and in tests; on AWS it is unset and the SDK uses the region's endpoint.
 */
function createClient(): DynamoDBDocumentClient {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  const base = new DynamoDBClient(endpoint ? localClientConfig(endpoint) : {});
  return DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
}

export const db = createClient();

