import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { linkInvalid, Unavailable } from '../core/errors';
import type { StoredSubscription } from '../core/reminder';
import { withSubscription } from '../core/reminder';
import type { Item, TransactItem } from './batch';
import { batchGet } from './batch';
import { db } from './client';
import { guarded } from './outage';
import { keys, tableName } from './tables';

/**
 * Push subscriptions and the "sent once" markers of reminders (Reminders table).
 *
 * An ASN's subscriptions are one item (at most 3 devices), beside the hash of the link
 * they were made with. Saving one is a transaction with a check that this link still
 * exists, and revoking or reissuing a link deletes the item in the link's own
 * transaction (store/link-store.ts `dropSubscriptions`), so a subscription can never
 * outlive its link. Every change of the item is conditional on the version read
 * (`v`), so two devices subscribing at once cannot lose one another.
 */

export interface Subscriptions {
  nip: string;
  /** sha256 of the link the subscriptions were made with. */
  tokenHash: string;
  langganan: StoredSubscription[];
  v: number;
}

const subscriptionsFrom = (i: Item): Subscriptions => ({
  nip: String(i.nip),
  tokenHash: String(i.tokenHash),
  langganan: Array.isArray(i.langganan) ? (i.langganan as StoredSubscription[]) : [],
  v: Number(i.v ?? 0),
});

const ATTEMPTS = 4;

const busy = () => new Unavailable('LANGGANAN_SEDANG_DIUBAH', 'Langganan pengingat sedang diubah dari perangkat lain; coba lagi.', 1);

export async function subscriptionsOf(nip: string): Promise<Subscriptions | undefined> {
  const out = await guarded(() =>
    db.send(new GetCommand({ TableName: tableName('reminders'), Key: keys.pushSubscriptions(nip), ConsistentRead: true })),
  );
  return out.Item ? subscriptionsFrom(out.Item) : undefined;
}

/** The subscriptions of many ASN (BatchGetItem, 100 a request); those without any are left out. */
export async function subscriptionsOfMany(nips: readonly string[]): Promise<Subscriptions[]> {
  const found = await batchGet(tableName('reminders'), [...new Set(nips)].map((n) => keys.pushSubscriptions(n)));
  return [...found.values()].map(subscriptionsFrom).filter((s) => s.langganan.length > 0);
}

/** A put of the item on condition that it is still at version `v` (absent when `v` is 0). */
function putIfUnchanged(next: Omit<Subscriptions, 'v'>, v: number): NonNullable<TransactItem['Put']> {
  return {
    TableName: tableName('reminders'),
    Item: { ...keys.pushSubscriptions(next.nip), nip: next.nip, tokenHash: next.tokenHash, langganan: next.langganan, v: v + 1 },
    ...(v === 0 ? { ConditionExpression: 'attribute_not_exists(pk)' } : { ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': v } }),
  };
}

/**
 * Adds a device's subscription to the ASN's, in a transaction that checks their link
 * (`tokenHash`) still exists: a link revoked meanwhile answers 401 and stores nothing.
 * Subscriptions of an earlier link of the same ASN (none should be left) are replaced.
 */
export async function saveSubscription(nip: string, tokenHash: string, added: StoredSubscription): Promise<StoredSubscription[]> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await subscriptionsOf(nip);
    const kept = current && current.tokenHash === tokenHash ? current.langganan : [];
    const langganan = withSubscription(kept, added);
    try {
      await guarded(() =>
        db.send(
          new TransactWriteCommand({
            TransactItems: [
              { ConditionCheck: { TableName: tableName('links'), Key: keys.link(tokenHash), ConditionExpression: 'attribute_exists(pk)' } },
              { Put: putIfUnchanged({ nip, tokenHash, langganan }, current?.v ?? 0) },
            ],
          }),
        ),
      );
      return langganan;
    } catch (e) {
      if (!(e instanceof TransactionCanceledException)) throw e;
      if (e.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') throw linkInvalid();
    }
  }
  throw busy();
}

/**
 * Removes subscriptions by endpoint: the ASN switching one device off, or the push service
 * saying it is gone (404/410). Returns how many were removed. The item goes when none is left.
 */
export async function removeSubscriptions(nip: string, endpoints: readonly string[]): Promise<number> {
  const gone = new Set(endpoints);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await subscriptionsOf(nip);
    if (!current) return 0;
    const langganan = current.langganan.filter((s) => !gone.has(s.endpoint));
    const removed = current.langganan.length - langganan.length;
    if (removed === 0) return 0;
    try {
      if (langganan.length > 0) {
        await guarded(() => db.send(new PutCommand(putIfUnchanged({ ...current, langganan }, current.v))));
      } else {
        await guarded(() =>
          db.send(
            new DeleteCommand({
              TableName: tableName('reminders'),
              Key: keys.pushSubscriptions(nip),
              ConditionExpression: 'v = :v',
              ExpressionAttributeValues: { ':v': current.v },
            }),
          ),
        );
      }
      return removed;
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
    }
  }
  throw busy();
}

/** The delete of an ASN's subscriptions that goes into the transaction revoking or replacing their link. */
export function dropSubscriptions(nip: string): TransactItem {
  return { Delete: { TableName: tableName('reminders'), Key: keys.pushSubscriptions(nip) } };
}

/** The put that marks a reminder of a sesi as sent (`what`: buka, terlambat, PIMPINAN#<nip>); fails if it already was. */
export function reminderSentPut(sesiId: string, what: string, at: Date, count?: number): TransactItem {
  return {
    Put: {
      TableName: tableName('reminders'),
      Item: { ...keys.reminderSent(sesiId, what), at: at.toISOString(), ...(count === undefined ? {} : { jumlah: count }) },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Marks a reminder as sent, once: true for the first caller, false when it already was. */
export async function markReminderSent(sesiId: string, what: string, at: Date): Promise<boolean> {
  try {
    await guarded(() => db.send(new PutCommand(reminderSentPut(sesiId, what, at).Put!)));
    return true;
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) return false;
    throw e;
  }
}

/** When a reminder of a sesi was sent, if it was. */
export async function reminderSentAt(sesiId: string, what: string): Promise<string | undefined> {
  const out = await guarded(() => db.send(new GetCommand({ TableName: tableName('reminders'), Key: keys.reminderSent(sesiId, what) })));
  return out.Item ? String(out.Item.at) : undefined;
}
