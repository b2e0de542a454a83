import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { LocalInstance } from '../deployment';
import { LOCAL_TABLE_PREFIX, localEngineDir, localInstanceFile, localKeyFile, SITE_URL_OUTPUT, tableOutputKey, useLocalTables } from '../deployment';
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
 * `npm start`'s DynamoDB Local, with the access key id it keeps in its data folder
 * (APEL_DATA_DIR): without it the engine shows no table. The ports and site address are the
 * running instance's (its `instance.json` in the data folder), else DYNAMODB_PORT and PORT
 * (8765, 3000); DYNAMODB_PORT and PORT, when set, win. An engine named by DYNAMODB_ENDPOINT
 * (tests) is reached with DYNAMODB_LOCAL_KEY_ID, else the fixed local key.
 */
async function localTarget(): Promise<Target> {
  const dataDir = resolve(process.env.APEL_DATA_DIR ?? join(import.meta.dirname, '../../.data'));
  const instance = runningInstance(dataDir);
  const enginePort = process.env.DYNAMODB_PORT ?? instance?.dynamodbPort ?? 8765;
  const siteUrl = process.env.PORT ? `http://localhost:${process.env.PORT}` : (instance?.siteUrl ?? 'http://localhost:3000');
  // 127.0.0.1, not localhost: Node may resolve localhost to ::1 first.
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${enginePort}`;
  if (!process.env.DYNAMODB_ENDPOINT && !process.env.DYNAMODB_LOCAL_KEY_ID) {
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
  return { description: `lokal (${endpoint})`, siteUrl };
}

/** The `npm start` instance that wrote its settings in `dataDir`, if its process still runs. */
export function runningInstance(dataDir: string): LocalInstance | undefined {
  const file = localInstanceFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const instance = JSON.parse(readFileSync(file, 'utf8')) as LocalInstance;
    process.kill(instance.pid, 0); // throws when no such process: a stale file of a killed instance
    return instance;
  } catch {
    return undefined;
  }
}
