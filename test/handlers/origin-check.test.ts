import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../functions/core/token';
import { ORIGIN_HEADER, ORIGIN_SECRETS_ENV, originCheck } from '../../functions/http/origin';
import { keys } from '../../functions/store/tables';
import { call } from '../support/events';

/**
 * On AWS the API answers only requests that came through CloudFront, which adds the
 * secret origin header: anything else is a 403 before any store is touched. The secret
 * is read from the environment at load, as on Lambda, so the handlers are imported after
 * it is set. Also here: DynamoDB refusing a value as malformed is a 400, never a 500.
 */

const SECRETS = ['previous-0123456789', 'current-abcdefghij', 'next-klmnopqrst'];
const ddb = mockClient(DynamoDBDocumentClient);
const token = newToken();
let me: Parameters<typeof call>[0];
let admin: Parameters<typeof call>[0];

beforeAll(async () => {
  process.env[ORIGIN_SECRETS_ENV] = SECRETS.join(',');
  me = (await import('../../functions/handlers/me')).handler as never;
  admin = (await import('../../functions/handlers/admin-api')).handler as never;
});
afterAll(() => {
  delete process.env[ORIGIN_SECRETS_ENV];
  ddb.restore();
});
beforeEach(() => {
  ddb.reset();
  ddb.on(GetCommand).resolves({ Item: { ...keys.link(hashToken(token)), nip: '199004152025012011', role: 'admin', opd: 'setda' } });
  ddb.on(QueryCommand).resolves({ Items: [] });
  ddb.on(BatchGetCommand).resolves({ Responses: {} });
});

describe('a request that skipped CloudFront', () => {
  it.each([
    ['no origin header', {}],
    ['a wrong one', { [ORIGIN_HEADER]: 'guessed' }],
    ['a secret with something appended', { [ORIGIN_HEADER]: `${SECRETS[1]}x` }],
    ['an empty one', { [ORIGIN_HEADER]: '' }],
  ])('is refused with 403 ASAL_TIDAK_DIKENAL when it has %s, and nothing is read', async (_, headers) => {
    const res = await call(me, { path: '/api/me', token, headers });

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ASAL_TIDAK_DIKENAL');
    expect(ddb.calls()).toHaveLength(0);
  });

  it('is refused before anything else, even with no link and a malformed path value', async () => {
    const res = await call(admin, { path: `/api/admin/asn/${'9'.repeat(3000)}`, rawBody: '{"not json' });

    expect(res.status).toBe(403);
    expect(ddb.calls()).toHaveLength(0);
  });

  it.each(SECRETS)('passes with the secret %s (the one before, the one sent, the next one: a rotation refuses nobody)', async (secret) => {
    const res = await call(me, { path: '/api/me', token, headers: { [ORIGIN_HEADER]: secret } });

    expect([401, 403]).not.toContain(res.status);
    expect(ddb.calls().length).toBeGreaterThan(0);
  });
});

describe('the check itself', () => {
  it('is off where no secret is configured (the local server is the origin)', () => {
    expect(() => originCheck({})({ headers: {} } as never)).not.toThrow();
  });

  it('refuses to start on Lambda without the secret, rather than leave the API open', () => {
    expect(() => originCheck({ AWS_LAMBDA_FUNCTION_NAME: 'ApelWfa-prod-Me' })).toThrow(new RegExp(ORIGIN_SECRETS_ENV));
  });
});

describe('a value DynamoDB refuses as malformed', () => {
  it('answers 400 INPUT_TIDAK_VALID without its internals, never 500', async () => {
    ddb.on(QueryCommand).rejects(
      new DynamoDBServiceException({ name: 'ValidationException', $fault: 'client', $metadata: {}, message: 'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of 2048 bytes' }),
    );

    const res = await call(admin, { path: '/api/admin/audit', token, headers: { [ORIGIN_HEADER]: SECRETS[1]! } });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INPUT_TIDAK_VALID');
    expect(res.text).not.toMatch(/hashkey|2048|ValidationException/);
  });
});
