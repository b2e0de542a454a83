import { Readable } from 'node:stream';
import { BatchGetItemCommand, DynamoDBClient, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isThrottled, watchThrottles } from '../../functions/store/client';
import { call } from '../support/events';

/**
 * What the two app metrics behind the alarms count (infra/constructs/monitoring.ts):
 * `DynamoDbThrottled` replaces two alarm metrics per table, so the DynamoDB client must
 * see every throttled attempt, also those the SDK retried; `Unauthenticated` replaces
 * nothing and watches floods of wrong tokens, so every 401 counts, whatever its code.
 */

/** A DynamoDB client whose "network" answers every attempt with `answer` and counts the attempts. */
function fakeDynamo(answer: { status: number; body: object }, maxAttempts = 3) {
  const sent = { attempts: 0 };
  const client = new DynamoDBClient({
    region: 'local',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts,
    requestHandler: {
      handle: async () => {
        sent.attempts++;
        return {
          response: {
            statusCode: answer.status,
            headers: { 'content-type': 'application/x-amz-json-1.0' },
            body: Readable.from([Buffer.from(JSON.stringify(answer.body))]),
          },
        };
      },
    } as never,
  });
  return { client, sent };
}

const dynamoError = (type: string, extra: object = {}) => ({ status: 400, body: { __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: type, ...extra } });

describe('the DynamoDB client reports throttling', () => {
  it('counts every throttled attempt, the ones the SDK retried too', async () => {
    // Prepare: DynamoDB throttles every attempt; the SDK tries three times.
    const { client, sent } = fakeDynamo(dynamoError('ThrottlingException'));
    let throttled = 0;
    watchThrottles(client, () => throttled++);

    // Act
    const read = DynamoDBDocumentClient.from(client).send(new GetCommand({ TableName: 'Links', Key: { pk: 'LINK#x', sk: 'LINK' } }));

    // Assert
    await expect(read).rejects.toThrow();
    expect(sent.attempts).toBe(3);
    expect(throttled).toBe(3);
  });

  it('counts a write refused for the table’s throughput and a transaction cancelled for throttling', async () => {
    for (const answer of [
      dynamoError('ProvisionedThroughputExceededException'),
      dynamoError('TransactionCanceledException', { CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }] }),
    ]) {
      const { client } = fakeDynamo(answer, 1);
      let throttled = 0;
      watchThrottles(client, () => throttled++);

      await expect(client.send(new TransactWriteItemsCommand({ TransactItems: [] }))).rejects.toThrow();
      expect(throttled, JSON.stringify(answer.body)).toBe(1);
    }
  });

  it('counts a batch read that DynamoDB left partly unprocessed (what it does under throttling)', async () => {
    const { client } = fakeDynamo({ status: 200, body: { Responses: {}, UnprocessedKeys: { Links: { Keys: [{ pk: { S: 'LINK#x' }, sk: { S: 'LINK' } }] } } } });
    let throttled = 0;
    watchThrottles(client, () => throttled++);

    const out = await client.send(new BatchGetItemCommand({ RequestItems: { Links: { Keys: [{ pk: { S: 'LINK#x' }, sk: { S: 'LINK' } }] } } }));

    expect(out.UnprocessedKeys?.Links?.Keys).toHaveLength(1);
    expect(throttled).toBe(1);
  });

  it('does not count refusals that are not throttling (a failed condition, a bad request)', async () => {
    for (const answer of [dynamoError('ConditionalCheckFailedException'), dynamoError('ValidationException')]) {
      const { client } = fakeDynamo(answer);
      let throttled = 0;
      watchThrottles(client, () => throttled++);

      await expect(DynamoDBDocumentClient.from(client).send(new PutCommand({ TableName: 'Checkins', Item: { pk: 'a', sk: 'b' } }))).rejects.toThrow();
      expect(throttled, answer.body.__type).toBe(0);
    }
    expect(isThrottled(new Error('boom'))).toBe(false);
  });

  it("is installed on the one client every store uses", async () => {
    const { db } = await import('../../functions/store/client');

    expect(db.middlewareStack.identify().join(' ')).toContain('apelThrottleWatch');
  });
});

describe('every 401 is counted in one metric', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
    delete process.env.APEL_METRICS;
  });

  it('emits Unauthenticated (service only) for a missing and for a malformed token, next to the refusal by code', async () => {
    // Prepare: metrics on, as on Lambda; EMF lines go through console under vitest.
    process.env.APEL_METRICS = 'on';
    vi.resetModules();
    const printed: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
    }
    const { apiFunction } = await import('../../functions/http/api-handler');
    const { json } = await import('../../functions/http/response');
    const handler = apiFunction('schedule', { caller: async () => undefined })('GET /api/schedule', {}, async () => json(200, {}));

    // Act: no token, then one that is not a token at all, then a well-formed unknown one.
    const answers = [
      await call(handler as never, { path: '/api/schedule' }),
      await call(handler as never, { path: '/api/schedule', token: 'bukan-token' }),
      await call(handler as never, { path: '/api/schedule', token: 'A'.repeat(43) }),
    ];

    // Assert
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401]);
    const emf = printed.filter((line) => line.includes('"CloudWatchMetrics"')).map((line) => JSON.parse(line));
    const unauthenticated = emf.filter((m) => m.Unauthenticated === 1);
    expect(unauthenticated).toHaveLength(3);
    for (const m of unauthenticated) expect(m._aws.CloudWatchMetrics[0].Dimensions).toEqual([['service']]);
    expect(emf.filter((m) => m.Refusals === 1).map((m) => m.code).sort()).toEqual(['TAUTAN_TIDAK_ADA', 'TAUTAN_TIDAK_BERLAKU', 'TAUTAN_TIDAK_BERLAKU']);
  });
});
