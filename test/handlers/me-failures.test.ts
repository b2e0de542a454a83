import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../functions/core/token';
import { handler as me } from '../../functions/handlers/me';
import { keys, tableName } from '../../functions/store/tables';
import { call } from '../support/events';

const ddb = mockClient(DynamoDBDocumentClient);
const token = newToken();

beforeEach(() => {
  ddb.reset();
  ddb.on(GetCommand).resolves({ Item: { ...keys.link(hashToken(token)), nip: '199004152025012011', role: 'asn', opd: 'setda' } });
  ddb.on(QueryCommand).resolves({ Items: [] });
});
afterAll(() => ddb.restore());

describe('GET /api/me when DynamoDB is throttled', () => {
  it('gives up on keys left unprocessed after a few paced rounds and answers 503, not a time-out', async () => {
    ddb.on(BatchGetCommand).resolves({ Responses: {}, UnprocessedKeys: { [tableName('sessions')]: { Keys: [keys.sesi('2026-11-30.pagi')] } } });

    const res = await call(me, { path: '/api/me', token });

    expect(res.status).toBe(503);
    expect(res.headers['Retry-After']).toBeDefined();
    expect(ddb.commandCalls(BatchGetCommand)).toHaveLength(6);
  });

  it('reads the keys DynamoDB left unprocessed the first time', async () => {
    ddb
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: {}, UnprocessedKeys: { [tableName('sessions')]: { Keys: [keys.sesi('2026-11-30.pagi')] } } })
      .resolves({ Responses: { [tableName('sessions')]: [] } });

    const res = await call(me, { path: '/api/me', token });

    expect(res.status).toBe(200);
    expect(ddb.commandCalls(BatchGetCommand)).toHaveLength(2);
  });
});
