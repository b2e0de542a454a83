import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { createTables } from '../../functions/local/tables';
import { localClientConfig } from '../../functions/store/client-config';
import type { TableKey } from '../../functions/store/tables';
import { TABLES } from '../../functions/store/tables';

const client = () => new DynamoDBClient(localClientConfig(process.env.DYNAMODB_ENDPOINT!));

/** Creates this file's tables (from the shared definitions) under a fresh prefix. */
export async function freshTables(): Promise<void> {
  const prefix = `${process.env[TABLES.roster.envVar]?.replace(/-Roster$/, '')}`;
  const c = client();
  await createTables(c, prefix);
  c.destroy();
}

/** Every item of a table: tests may scan to prove what was (not) written; the product never does. */
export async function allItems(table: TableKey): Promise<Record<string, unknown>[]> {
  const c = client();
  const items: Record<string, unknown>[] = [];
  let start: Record<string, never> | undefined;
  do {
    const out = await c.send(new ScanCommand({ TableName: process.env[TABLES[table].envVar], ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []).map((i) => unmarshall(i)));
    start = out.LastEvaluatedKey as typeof start;
  } while (start);
  c.destroy();
  return items;
}
