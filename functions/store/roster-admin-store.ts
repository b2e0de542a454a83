import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Asn, Opd } from '../core/roster';
import type { TransactItem } from './audit-store';
import type { Item } from './batch';
import { db } from './client';
import { inParallel } from './batch';
import { guarded } from './outage';
import { asnFrom, asnItem, listRosterOfOpd, opdFrom, opdItem } from './roster-store';
import { keys, tableName } from './tables';
import { getConsistent, putVersioned } from './versioned';
import { serverNow } from '../runtime/clock';
import { bumpVersions, rosterVersionKey } from './version-store';

/**
 * The roster as the admin edits it: single records read strongly consistent with
 * their stored item (the condition of the write that follows), whole OPDs including
 * deactivated staff (who keep their place in the byOpd index: history is kept).
 */

export interface Stored<T> {
  value: T;
  item: Item;
}

export async function readAsn(nip: string): Promise<Stored<Asn> | undefined> {
  const item = await getConsistent('roster', keys.asn(nip));
  return item ? { value: asnFrom(item), item } : undefined;
}

export async function readOpd(kode: string): Promise<Stored<Opd> | undefined> {
  const item = await getConsistent('roster', keys.opd(kode));
  return item ? { value: opdFrom(item), item } : undefined;
}

/** OPDs queried a few at a time: 36 at once would only queue behind each other. */
const CONCURRENCY = 8;

/** The whole roster, OPD by OPD (never a scan). */
export async function listWholeRoster(opds: readonly string[]): Promise<Asn[]> {
  return (await inParallel(opds, CONCURRENCY, listRosterOfOpd)).flat();
}

export const putAsn = (asn: Asn, before: Item | undefined): TransactItem => putVersioned('roster', asnItem(asn), before);
export const putOpd = (opd: Opd, before: Item | undefined): TransactItem => putVersioned('roster', opdItem(opd), before);

/**
 * Deactivates an ASN who is still active (the import's "missing" people the admin
 * chose); false if they were already inactive. Their record stays, for history.
 */
export async function deactivate(nip: string): Promise<boolean> {
  try {
    await guarded(() =>
      db.send(
        new UpdateCommand({
          TableName: tableName('roster'),
          Key: keys.asn(nip),
          UpdateExpression: 'SET active = :no ADD rev :one',
          ConditionExpression: 'attribute_exists(pk) AND active = :yes',
          ExpressionAttributeValues: { ':no': false, ':yes': true, ':one': 1 },
        }),
      ),
    );
    await bumpVersions([rosterVersionKey()], serverNow());
    return true;
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) return false;
    throw e;
  }
}
