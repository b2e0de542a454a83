import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TransactItem } from './batch';
import { db } from './client';
import { guarded } from './outage';
import { keys, tableName } from './tables';
import { versionBumpsFor } from './version-store';

/**
 * A late ASN's reason on their own check-in (`alasanTerlambat`), in one transaction with
 * a new version of their OPD's notes (store/version-store.ts), so the heads' next poll of
 * the roll answers with it instead of 304. Only that attribute is set, and only on a late
 * check-in recorded under `opd`; the check-in itself stays as it was (its 2 requests untouched).
 * Returns false when there is no such check-in (none, not late, or under another OPD).
 */
export async function setLateReason(sesiId: string, nip: string, opd: string, alasan: string, now: Date): Promise<boolean> {
  const update: TransactItem = {
    Update: {
      TableName: tableName('checkins'),
      Key: keys.checkin(sesiId, nip),
      UpdateExpression: 'SET alasanTerlambat = :alasan',
      ConditionExpression: 'attribute_exists(pk) AND opd = :opd AND #status = :late',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':alasan': alasan, ':opd': opd, ':late': 'terlambat' },
    },
  };
  try {
    await guarded(() => db.send(new TransactWriteCommand({ TransactItems: [update, ...versionBumpsFor([update], { opd, at: now.toISOString() })] })));
    return true;
  } catch (e) {
    if (e instanceof TransactionCanceledException && e.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
    throw e;
  }
}
