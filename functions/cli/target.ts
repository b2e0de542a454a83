import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_TABLE_PREFIX, localEngineDir, localKeyFile, SITE_URL_OUTPUT, tableOutputKey, useLocalTables } from '../deployment';
import { localClientConfig } from '../store/client-config';
import { TABLES } from '../store/tables';

/**
 * Where a command writes: the deployed stack (`--stack ApelWfa-prod`, using the
 * operator's own AWS credentials and the stack's outputs) or, by default, the local
 * runtime's DynamoDB Local started by `npm start`.
 */
export interface Target {
  description: string;
  /** Base of the personal links: the CloudFront URL on AWS, the local server otherwise. */
  siteUrl: string;
}

export async function selectTarget(options: { stack?: string; region?: string }): Promise<Target> {
  if (options.stack) return stackTarget(options.stack, options.region);
  return localTarget();
}

async function stackTarget(stack: string, region?: string): Promise<Target> {
  const cfn = new CloudFormationClient(region ? { region } : {});
  const out = await cfn.send(new DescribeStacksCommand({ StackName: stack }));
  const outputs = new Map((out.Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
  for (const def of Object.values(TABLES)) {
    const name = outputs.get(tableOutputKey(def.envVar));
    if (!name) throw new Error(`Stack ${stack} has no output ${tableOutputKey(def.envVar)}; is it an Apel WFA stack?`);
    process.env[def.envVar] = name;
  }
  const siteUrl = outputs.get(SITE_URL_OUTPUT);
  if (!siteUrl) throw new Error(`Stack ${stack} has no output ${SITE_URL_OUTPUT}`);
  return { description: `stack ${stack}`, siteUrl };
}

/**
 * `npm start`'s DynamoDB Local (on DYNAMODB_PORT), with the access key id it keeps in its
 * data folder (APEL_DATA_DIR): without it the engine shows no table. An engine named by
 * DYNAMODB_ENDPOINT (tests) is reached with DYNAMODB_LOCAL_KEY_ID, else the fixed local key.
 */
async function localTarget(): Promise<Target> {
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? `http://localhost:${process.env.DYNAMODB_PORT ?? 8765}`;
  if (!process.env.DYNAMODB_ENDPOINT && !process.env.DYNAMODB_LOCAL_KEY_ID) {
    const dataDir = resolve(process.env.APEL_DATA_DIR ?? join(import.meta.dirname, '../../.data'));
    const keyFile = localKeyFile(localEngineDir(dataDir));
    if (existsSync(keyFile)) process.env.DYNAMODB_LOCAL_KEY_ID = readFileSync(keyFile, 'utf8').trim();
  }
  process.env.DYNAMODB_ENDPOINT = endpoint;
  useLocalTables(LOCAL_TABLE_PREFIX);
  const probe = new DynamoDBClient(localClientConfig(endpoint, 1));
  try {
    await probe.send(new ListTablesCommand({ Limit: 1 }));
  } catch {
    throw new Error(`DynamoDB Local tidak terjangkau di ${endpoint}. Jalankan "npm start" dulu di terminal lain.`);
  } finally {
    probe.destroy();
  }
  return { description: `lokal (${endpoint})`, siteUrl: `http://localhost:${process.env.PORT ?? 3000}` };
}
