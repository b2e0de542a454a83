import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

/** The region of every local client; DynamoDB Local names its database `<keyId>_<region>.db`. */
export const LOCAL_REGION = 'local';
/** The key id of in-memory engines (tests, benchmark); `npm start`'s engine has a random one. */
export const LOCAL_KEY_ID = 'local';

/**
 * DynamoDB Local keeps one database per access key id and region (it runs without
 * -sharedDb, local/engine.ts): the key id chooses the database, the secret key is not
 * checked. `DYNAMODB_LOCAL_KEY_ID` carries `npm start`'s key id to the stores and the CLI.
 */
export function localClientConfig(
  endpoint: string,
  maxAttempts?: number,
  accessKeyId = process.env.DYNAMODB_LOCAL_KEY_ID || LOCAL_KEY_ID,
): DynamoDBClientConfig {
  return {
    endpoint,
    region: LOCAL_REGION,
    credentials: { accessKeyId, secretAccessKey: 'local' },
    ...(maxAttempts ? { maxAttempts } : {}),
  };
}
