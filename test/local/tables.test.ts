import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTables } from '../../functions/local/tables';
import { localClientConfig } from '../../functions/store/client-config';
import { TABLES } from '../../functions/store/tables';

const client = new DynamoDBClient(localClientConfig(inject('dynamoEndpoint')));
afterAll(() => client.destroy());

describe('local tables', () => {
  it('adds the indexes a newer version defines to tables an older version created', async () => {
    // An older Checkins table, with only the byAsn index.
    await client.send(
      new CreateTableCommand({
        TableName: 'old-Checkins',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byAsn',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );

    await createTables(client, 'old');

    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'old-Checkins' }));
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      TABLES.checkins.indexes.map((i) => i.indexName).sort(),
    );
    await createTables(client, 'old'); // and doing it again changes nothing
  });
});
