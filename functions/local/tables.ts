import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localTableName } from '../deployment';
import type { TableDef } from '../store/tables';
import { TABLES } from '../store/tables';

/** Points the stores at the tables of `prefix` (the same env vars a Lambda reads); see deployment.ts. */
export { useLocalTables } from '../deployment';

/**
 * Creates the local tables from the same `TABLES` definitions the CDK stack uses.
 * `prefix` keeps test runs apart in one shared engine.
 */
export async function createTables(client: DynamoDBClient, prefix: string): Promise<void> {
  for (const def of Object.values(TABLES)) {
    const TableName = localTableName(prefix, def);
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName }));
      await addMissingIndexes(client, TableName, def, new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName)));
      continue;
    } catch (e) {
      if (!(e instanceof ResourceNotFoundException)) throw e;
    }
    const attributes = new Set<string>([def.partitionKey, def.sortKey]);
    for (const ix of def.indexes) {
      attributes.add(ix.partitionKey);
      attributes.add(ix.sortKey);
    }
    await client.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: def.partitionKey, KeyType: 'HASH' },
          { AttributeName: def.sortKey, KeyType: 'RANGE' },
        ],
        ...(def.indexes.length > 0
          ? {
              GlobalSecondaryIndexes: def.indexes.map((ix) => ({
                IndexName: ix.indexName,
                KeySchema: [
                  { AttributeName: ix.partitionKey, KeyType: 'HASH' as const },
                  { AttributeName: ix.sortKey, KeyType: 'RANGE' as const },
                ],
                Projection: { ProjectionType: 'ALL' as const },
              })),
            }
          : {}),
      }),
    );
  }
}

/**
 * A data folder made by an earlier version keeps its tables; indexes added to
 * `TABLES` since are added to them here, as a CloudFormation update does on AWS.
 */
async function addMissingIndexes(client: DynamoDBClient, TableName: string, def: TableDef, existing: Set<string | undefined>) {
  for (const ix of def.indexes) {
    if (existing.has(ix.indexName)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName,
        AttributeDefinitions: [
          { AttributeName: ix.partitionKey, AttributeType: 'S' },
          { AttributeName: ix.sortKey, AttributeType: 'S' },
        ],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: ix.indexName,
              KeySchema: [
                { AttributeName: ix.partitionKey, KeyType: 'HASH' },
                { AttributeName: ix.sortKey, KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
          },
        ],
      }),
    );
  }
}
