import {
  InternalServerError,
  ProvisionedThroughputExceededException,
  ThrottlingException,
} from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler as checkin } from '../../functions/handlers/checkin';
import { hashToken, newToken } from '../../functions/core/token';
import { keys, tableName } from '../../functions/store/tables';
import { call } from '../support/events';

const ddb = mockClient(DynamoDBDocumentClient);
const token = newToken();
const SESI = '2026-11-30.pagi';
const meta = { $metadata: {} };

const linkAndSesi = {
  Responses: {
    [tableName('links')]: [{ ...keys.link(hashToken(token)), nip: '199004152025012011', role: 'asn', opd: 'setda', issuedAt: 'x' }],
    [tableName('sessions')]: [
      {
        ...keys.sesi(SESI),
        id: SESI,
        date: '2026-11-30',
        slot: 'pagi',
        opensAt: '2026-11-29T23:00:00.000Z',
        onTimeUntil: '2026-11-29T23:30:00.000Z',
        closesAt: '2026-11-30T00:00:00.000Z',
        state: 'dibuka',
        demo: false,
        openedAt: '2026-11-29T23:00:00.000Z',
      },
    ],
  },
};

const post = (rawBody = JSON.stringify({ sesiId: SESI })) =>
  call(checkin, { method: 'POST', path: '/api/checkins', token, rawBody });

beforeEach(() => {
  ddb.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-29T23:10:00Z'));
});
afterAll(() => ddb.restore());

describe('check-in when DynamoDB fails', () => {
  it('answers 503 with a retry hint, not 500, when the read is throttled', async () => {
    ddb.on(BatchGetCommand).rejects(new ProvisionedThroughputExceededException({ message: 'slow down', ...meta }));

    const res = await post();

    expect(res.status).toBe(503);
    expect(res.headers['Retry-After']).toBe('2');
    expect(res.body.error.code).toBe('LAYANAN_SIBUK');
    expect(res.body.error.message).toMatch(/belum tercatat/);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers 503 when the conditional write is throttled, so the phone retries', async () => {
    ddb.on(BatchGetCommand).resolves(linkAndSesi);
    ddb.on(PutCommand).rejects(new ThrottlingException({ message: 'rate exceeded', ...meta }));

    const res = await post();

    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('LAYANAN_SIBUK');
  });

  it('answers 503 on a DynamoDB server error or a dropped connection', async () => {
    ddb.on(BatchGetCommand).rejects(new InternalServerError({ message: 'boom', ...meta }));
    expect((await post()).status).toBe(503);

    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    ddb.on(BatchGetCommand).rejects(reset);
    expect((await post()).status).toBe(503);
  });

  it('answers 503 when DynamoDB keeps leaving the keys unprocessed', async () => {
    ddb.on(BatchGetCommand).resolves({
      Responses: {},
      UnprocessedKeys: { [tableName('links')]: { Keys: [keys.link(hashToken(token))] } },
    });
    vi.useRealTimers();

    const res = await post();

    expect(res.status).toBe(503);
    expect(ddb.commandCalls(BatchGetCommand).length).toBeGreaterThan(1);
  });

  it('hides the details of an unexpected error behind a generic 500', async () => {
    ddb.on(BatchGetCommand).rejects(new TypeError('Cannot read properties of undefined (reading "secret")'));
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});

    const res = await post();

    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: { code: 'KESALAHAN_SERVER', message: expect.stringMatching(/^Terjadi kesalahan di server/) },
    });
    expect(JSON.stringify(res.body)).not.toContain('secret');
    expect(spy).toHaveBeenCalledOnce();
    spy.mockRestore();
  });

  it('refuses malformed JSON without a link before touching DynamoDB', async () => {
    const res = await call(checkin, { method: 'POST', path: '/api/checkins', rawBody: '{"sesiId": "2026-11-30.pagi"' });
    expect(res.status).toBe(401);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('refuses malformed JSON from a valid link after one read of the link, and writes nothing', async () => {
    ddb.on(GetCommand).resolves({ ...meta, Item: linkAndSesi.Responses[tableName('links')]![0] });
    const res = await post('{"sesiId": "2026-11-30.pagi"');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('JSON_TIDAK_VALID');
    expect(ddb.commandCalls(GetCommand)).toHaveLength(1);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });
});
