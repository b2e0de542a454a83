import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
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
  return DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
}

export const db = createClient();

