import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TABLES } from '../store/tables';

/**
 * Creates the local tables from the same `TABLES` definitions the CDK stack uses,
 * and points the stores at them through the same environment variables a Lambda
 * reads. `prefix` keeps test runs apart in one shared engine.
 */
export function useLocalTables(prefix: string): void {
  for (const def of Object.values(TABLES)) process.env[def.envVar] = `${prefix}-${def.id}`;
}

export async function createTables(client: DynamoDBClient, prefix: string): Promise<void> {
  for (const def of Object.values(TABLES)) {
    const TableName = `${prefix}-${def.id}`;
    try {
      await client.send(new DescribeTableCommand({ TableName }));
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
