import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AuditEntry } from '../core/audit';
import { Conflict } from '../core/errors';
import type { ReadinessAnswer, ReadinessCheck } from '../core/readiness';
import { writeAudited } from './audit-store';
import type { Item } from './batch';
import { queryAll } from './batch';
import { db } from './client';
import { guarded } from './outage';
import { keys, tableName } from './tables';

/**
 * Readiness checks (cek kesiapan): one item per check in the OPD's partition (its id
 * starts with the start time, so recent checks are one range query) and one item
 * per answer in the check's own partition. A marker item holds the running check's
 * deadline, so "one running check per OPD" is a condition, not a read-then-write.
 */

const checkFrom = (i: Item): ReadinessCheck => ({
  id: String(i.id),
  opd: String(i.opd),
  pesan: String(i.pesan ?? ''),
  mulai: String(i.mulai),
  batas: String(i.batas),
  oleh: String(i.oleh),
});

export async function startReadinessCheck(check: ReadinessCheck, audit: AuditEntry): Promise<void> {
  const table = tableName('records');
  await writeAudited(
    [
      {
        Put: {
          TableName: table,
          Item: { ...keys.readinessRunning(check.opd), cekId: check.id, batas: check.batas },
          ConditionExpression: 'attribute_not_exists(pk) OR batas <= :now',
          ExpressionAttributeValues: { ':now': check.mulai },
        },
      },
      {
        Put: {
          TableName: table,
          Item: { ...keys.readinessCheck(check.opd, check.id), type: 'CEK', ...check },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ],
    audit,
    () => new Conflict('CEK_MASIH_BERJALAN', 'Masih ada cek kesiapan yang berjalan untuk OPD ini; tunggu sampai selesai.'),
  );
}

/** Checks of an OPD started at or after `since` (an id prefix, i.e. a compact time), newest first. */
export async function readinessChecksSince(opd: string, since: string): Promise<ReadinessCheck[]> {
  const items = await queryAll({
    TableName: tableName('records'),
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :since AND :end',
    ExpressionAttributeValues: { ':pk': keys.readinessCheckPartition(opd), ':since': since, ':end': '9~' },
    ScanIndexForward: false,
  });
  return items.filter((i) => i.type === 'CEK').map(checkFrom);
}

export async function getReadinessCheck(opd: string, id: string): Promise<ReadinessCheck | undefined> {
  const out = await guarded(() =>
    db.send(new GetCommand({ TableName: tableName('records'), Key: keys.readinessCheck(opd, id), ConsistentRead: true })),
  );
  return out.Item?.type === 'CEK' ? checkFrom(out.Item) : undefined;
}

export async function answersOf(cekId: string): Promise<ReadinessAnswer[]> {
  const items = await queryAll({
    TableName: tableName('records'),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.readinessAnswerPartition(cekId) },
  });
  return items.map((i) => ({ nip: String(i.nip), at: String(i.at) }));
}

export async function getAnswer(cekId: string, nip: string): Promise<ReadinessAnswer | undefined> {
  const out = await guarded(() =>
    db.send(new GetCommand({ TableName: tableName('records'), Key: keys.readinessAnswer(cekId, nip) })),
  );
  return out.Item ? { nip: String(out.Item.nip), at: String(out.Item.at) } : undefined;
}

/** An ASN's answer: one per check; a repeat returns the first answer and writes nothing. */
export async function recordAnswer(cekId: string, answer: ReadinessAnswer): Promise<{ answer: ReadinessAnswer; repeat: boolean }> {
  try {
    await guarded(() =>
      db.send(
        new PutCommand({
          TableName: tableName('records'),
          Item: { ...keys.readinessAnswer(cekId, answer.nip), type: 'JAWAB', cekId, ...answer },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      ),
    );
    return { answer, repeat: false };
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException && e.Item) {
      const old = unmarshall(e.Item);
      return { answer: { nip: String(old.nip), at: String(old.at) }, repeat: true };
    }
    throw e;
  }
}
