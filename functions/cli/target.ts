import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_TABLE_PREFIX, SITE_URL_OUTPUT, tableOutputKey, useLocalTables } from '../deployment';
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

async function localTarget(): Promise<Target> {
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? `http://localhost:${process.env.DYNAMODB_PORT ?? 8765}`;
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
