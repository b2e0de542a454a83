import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { BatchGetCommand, BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client';
import { ThrottlingException } from '@aws-sdk/client-dynamodb';
import { asOutage, guarded } from './outage';

/** Paging and batching loops shared by the stores: DynamoDB returns at most 1 MB a page and may leave items unprocessed. */

export type Item = Record<string, unknown>;

/** One action of a TransactWriteItems request (stores build them; audit-store writes them with their audit line). */
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

const UNPROCESSED_ATTEMPTS = 6;

/**
 * Sends a batch request, then again with whatever DynamoDB left unprocessed (it does
 * under throttling), pausing longer each time. If items are still left after a few
 * rounds it gives up as an outage (503 with a retry hint), never spinning until the
 * Lambda times out. `step` returns what is left, or nothing.
 */
export async function drainUnprocessed<T>(first: T, step: (pending: T) => Promise<T | undefined>): Promise<void> {
  let pending: T | undefined = first;
  for (let attempt = 0; pending !== undefined; attempt++) {
    if (attempt >= UNPROCESSED_ATTEMPTS) {
      throw asOutage(new ThrottlingException({ message: 'items left unprocessed', $metadata: {} }));
    }
    if (attempt > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt * (0.5 + Math.random())));
    pending = await step(pending);
  }
}

export async function batchGet(table: string, itemKeys: Item[], consistent = false): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  // BatchGetItem takes at most 100 keys per request.
  for (let i = 0; i < itemKeys.length; i += 100) {
    await drainUnprocessed(itemKeys.slice(i, i + 100), async (pending) => {
      const out = await guarded(() =>
        db.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: consistent } } })),
      );
      for (const it of out.Responses?.[table] ?? []) found.set(`${it.pk}|${it.sk}`, it);
      const left = out.UnprocessedKeys?.[table]?.Keys as Item[] | undefined;
      return left && left.length > 0 ? left : undefined;
    });
  }
  return found;
}

/**
 * Puts in batches of 25, `concurrency` requests in flight (1: one after another; the local demo
 * past's 70,000 check-ins: a few), each retried with what DynamoDB left unprocessed.
 */
export async function batchWrite(table: string, items: readonly Item[], concurrency = 1): Promise<void> {
  const batches = Array.from({ length: Math.ceil(items.length / 25) }, (_, i) => items.slice(i * 25, i * 25 + 25));
  await inParallel(batches, concurrency, (batch) =>
    drainUnprocessed(
      batch.map((Item) => ({ PutRequest: { Item } })),
      async (requests) => {
        const out = await guarded(() => db.send(new BatchWriteCommand({ RequestItems: { [table]: requests } })));
        const left = out.UnprocessedItems?.[table] as typeof requests | undefined;
        return left && left.length > 0 ? left : undefined;
      },
    ),
  );
}

export async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const out = await guarded(() => db.send(new QueryCommand({ ...input, ExclusiveStartKey })));
    items.push(...(out.Items ?? []));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}


/**
 * Idempotent import: reads the current items in batches of 100, writes only those that
 * are new or differ, so importing the same file twice changes nothing. Attributes an
 * import does not carry (e.g. an OPD's dated WFA changes, set in the admin console)
 * are kept: the written item is the stored one with the imported attributes over it.
 */
export async function putChanged(
  table: string,
  items: Item[],
  /** Runs before each batch of changes is written, so dependent updates happen first and a re-run repeats them. */
  beforeWrite?: (updates: { before: Item; after: Item }[]) => Promise<void>,
): Promise<ImportCounts> {
  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < items.length; i += 100) {
    const chunk = items.slice(i, i + 100);
    const existing = await batchGet(table, chunk.map((it) => ({ pk: it.pk, sk: it.sk })));
    const updates: { before: Item; after: Item }[] = [];
    const changed: Item[] = [];
    for (const item of chunk) {
      const before = existing.get(`${item.pk}|${item.sk}`);
      if (!before) {
        counts.added++;
        changed.push(item);
        continue;
      }
      const after = { ...before, ...item };
      if (sameItem(before, after)) {
        counts.unchanged++;
        continue;
      }
      counts.updated++;
      updates.push({ before, after });
      changed.push(after);
    }
    if (beforeWrite && updates.length > 0) await beforeWrite(updates);
    await batchWrite(table, changed);
  }
  return counts;
}

function sameItem(a: Item, b: Item): boolean {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const n of names) if (JSON.stringify(a[n]) !== JSON.stringify(b[n])) return false;
  return true;
}

/** Runs `work` over `items` with at most `limit` running at once, keeping the order of results. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
