import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../functions/core/token';
import { handler as opdApi } from '../../functions/handlers/opd-api';
import { keys } from '../../functions/store/tables';
import { call } from '../support/events';

const ddb = mockClient(DynamoDBDocumentClient);
const token = newToken();
const HEAD = '199004152025012011';
const STAFF = '197702112007041002';

beforeEach(() => {
  ddb.reset();
  ddb.on(GetCommand, { Key: keys.link(hashToken(token)) }).resolves({ Item: { nip: HEAD, role: 'pimpinan', opd: 'setda' } });
  ddb.on(GetCommand, { Key: keys.opd('setda') }).resolves({ Item: { kode: 'setda', nama: 'Sekretariat Daerah', wfa: true } });
  ddb.on(GetCommand, { Key: keys.asn(STAFF) }).resolves({ Item: { nip: STAFF, nama: 'Hendra', opd: 'setda', active: true } });
});
afterAll(() => ddb.restore());

describe('two heads of one OPD writing the same record at the same moment', () => {
  it('answers 503 with a retry hint, not 500, when DynamoDB cancels the transaction for a conflict', async () => {
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
      }),
    );
    const res = await call(opdApi, {
      method: 'POST',
      path: '/api/opd/setda/izin',
      token,
      body: { nip: STAFF, jenis: 'izin', dari: '2026-12-01', sampai: '2026-12-01' },
    });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('DATA_SEDANG_DIUBAH');
    expect(res.headers['Retry-After']).toBe('1');
  });
});
