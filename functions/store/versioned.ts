import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TransactItem } from './audit-store';
import type { Item } from './batch';
import { db } from './client';
import { guarded } from './outage';
import type { TableKey } from './tables';
import { tableName } from './tables';

/**
 * Optimistic concurrency for the admin's edits: a record is read (strongly
 * consistent), changed, and written back on condition that it is still what was
 * read, in the same transaction as its audit line. If someone else changed it in
 * between (another admin, an import), the write fails and the caller answers 409.
 * Every such write bumps `rev`, so changes to lists (an OPD's dated WFA changes) are
 * caught too; scalar attributes are compared one by one, which also catches imports
 * (they do not bump `rev`).
 */

export async function getConsistent(table: TableKey, key: { pk: string; sk: string }): Promise<Item | undefined> {
  const out = await guarded(() => db.send(new GetCommand({ TableName: tableName(table), Key: key, ConsistentRead: true })));
  return out.Item;
}

/** Puts `item` (with `rev` bumped) if nothing exists yet (`before` undefined) or it is unchanged since `before`. */
export function putVersioned(table: TableKey, item: Item, before: Item | undefined): TransactItem {
  const rev = (typeof before?.rev === 'number' ? before.rev : 0) + 1;
  return {
    Put: {
      TableName: tableName(table),
      Item: { ...item, rev },
      ...(before ? unchangedSince(before) : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  };
}

export function deleteVersioned(table: TableKey, before: Item): TransactItem {
  return { Delete: { TableName: tableName(table), Key: { pk: before.pk, sk: before.sk }, ...unchangedSince(before) } };
}

function unchangedSince(before: Item) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const terms = ['attribute_exists(pk)'];
  if (before.rev === undefined) terms.push('attribute_not_exists(rev)');
  Object.entries(before)
    .filter(([name, v]) => name !== 'pk' && name !== 'sk' && ['string', 'number', 'boolean'].includes(typeof v))
    .forEach(([name, v], i) => {
      names[`#a${i}`] = name;
      values[`:a${i}`] = v;
      terms.push(`#a${i} = :a${i}`);
    });
  return {
    ConditionExpression: terms.join(' AND '),
    ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names, ExpressionAttributeValues: values } : {}),
  };
}
