import { randomBytes } from 'node:crypto';
import { BatchGetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../core/audit';
import type { TransactItem } from './batch';
import type { Item } from './batch';
import { drainUnprocessed } from './batch';
import { db } from './client';
import type { Link } from './link-store';
import { linkFrom } from './link-store';
import { guarded } from './outage';
import type { TableKey } from './tables';
import { keys, TABLES, tableName } from './tables';

/**
 * Versions of what a poll of the heads' live roll or the admin's overview shows, so an
 * unchanged poll reads a few small items instead of the roster, the excuses and the
 * check-ins (usecases/opd/roll.ts). Each is one item, `{ v: <random>, at: <time> }`,
 * put anew by every write that changes what it covers:
 *
 * - `rosterVersion` (Roster): the roster or an OPD changed (the admin, an import, the CLI);
 * - `notesVersion(opd)` (Records): an excuse or a uniform mark of that OPD, or a new phone's request;
 * - `dayVersion(date)` (Sessions): a sesi of that date opened, closed or was disrupted,
 *   or the calendar of that date changed.
 *
 * A change written with its audit line (`writeAudited`) puts its versions in the same
 * transaction (`versionBumpsFor`), so no change is without its new version. Writes that
 * are not transactions (imports, the apel clock) put theirs right after (`bumpVersions`).
 * Check-ins put none: a third write on the hot path, on one item the whole OPD shares,
 * is what the design card forbids. A poll finds new check-ins with a query on the
 * byOpd index for those recorded after a time (`checkinsAfter`), which reads a few items.
 * Versions are put, never updated, so functions allowed only PutItem on a table can write them.
 */

export interface VersionKey {
  table: TableKey;
  key: { pk: string; sk: string };
}

export interface Version {
  v: string;
  /** When it was put: a poll shortly after a change reads again, in case an index was still behind. */
  at: string;
}

export const rosterVersionKey = (): VersionKey => ({ table: 'roster', key: keys.rosterVersion() });
export const notesVersionKey = (opd: string): VersionKey => ({ table: 'records', key: keys.notesVersion(opd) });
export const dayVersionKey = (date: string): VersionKey => ({ table: 'sessions', key: keys.dayVersion(date) });

const versionItem = ({ key }: VersionKey, now: Date): Item => ({ ...key, v: randomBytes(9).toString('base64url'), at: now.toISOString() });

/** The physical table of `table` if this function has it (a function without it writes nothing there). */
const physical = (table: TableKey): string | undefined => process.env[TABLES[table].envVar];

/**
 * The versions a transaction's items change, as Puts to add to the same transaction:
 * anything in the roster; excuses (`IZIN#<opd>`) and uniform marks (a check-in updated
 * for `entry.opd`); sesi records and calendar dates.
 */
export function versionBumpsFor(items: readonly TransactItem[], entry: Pick<AuditEntry, 'opd' | 'at'>): TransactItem[] {
  const bumps = new Map<string, VersionKey>();
  const add = (v: VersionKey) => bumps.set(`${v.table}|${v.key.pk}|${v.key.sk}`, v);
  for (const item of items) {
    const op = item.Put ?? item.Update ?? item.Delete ?? item.ConditionCheck;
    if (!op || item.ConditionCheck) continue;
    const key = (item.Put?.Item ?? item.Update?.Key ?? item.Delete?.Key ?? {}) as { pk?: unknown; sk?: unknown };
    const pk = String(key.pk ?? '');
    const sk = String(key.sk ?? '');
    if (op.TableName === physical('roster')) add(rosterVersionKey());
    else if (op.TableName === physical('records') && pk.startsWith('IZIN#')) add(notesVersionKey(pk.slice('IZIN#'.length)));
    // A new phone's request, approved or refused, shows on the roll.
    else if (op.TableName === physical('records') && pk.startsWith('PERANGKAT#')) add(notesVersionKey(pk.slice('PERANGKAT#'.length)));
    else if (op.TableName === physical('checkins') && entry.opd) add(notesVersionKey(entry.opd));
    else if (op.TableName === physical('sessions') && pk.startsWith('SESI#')) add(dayVersionKey(pk.slice('SESI#'.length, 'SESI#'.length + 10)));
    else if (op.TableName === physical('calendar') && /^\d{4}-\d{2}-\d{2}$/.test(sk)) add(dayVersionKey(sk));
  }
  const now = new Date(entry.at);
  return [...bumps.values()].map((v) => ({ Put: { TableName: tableName(v.table), Item: versionItem(v, now) } }));
}

/**
 * Puts new versions after writes that are not one transaction (imports, the apel clock).
 * One PutItem each (a handful at most): a function allowed only PutItem on a table (the
 * admin's on Sessions) may not BatchWriteItem there.
 */
export async function bumpVersions(versions: readonly VersionKey[], now: Date): Promise<void> {
  const unique = new Map(versions.map((v) => [itemKey(v), v]));
  await Promise.all(
    [...unique.values()].map((v) => guarded(() => db.send(new PutCommand({ TableName: tableName(v.table), Item: versionItem(v, now) })))),
  );
}

export interface PollRead {
  link: Link | undefined;
  /** The items asked for, by `table|pk|sk` (absent when not stored). */
  items: Map<string, Item>;
}

export const itemKey = (v: VersionKey | { table: TableKey; key: { pk: string; sk: string } }) => `${v.table}|${v.key.pk}|${v.key.sk}`;

export const versionOf = (item: Item | undefined): Version | undefined =>
  item && typeof item.v === 'string' ? { v: item.v, at: String(item.at) } : undefined;

/**
 * A poll's round trip 1: the caller's link (strongly consistent: a revoked link fails
 * at once) and small items of other tables (versions, an OPD record), in one
 * BatchGetItem. Items are read eventually consistent.
 */
export async function readLinkAnd(tokenHash: string | undefined, wanted: readonly { table: TableKey; key: { pk: string; sk: string } }[]): Promise<PollRead> {
  const links = tableName('links');
  const request: Record<string, { Keys: Item[]; ConsistentRead?: boolean }> =
    tokenHash === undefined ? {} : { [links]: { Keys: [keys.link(tokenHash)], ConsistentRead: true } };
  if (tokenHash === undefined && wanted.length === 0) return { link: undefined, items: new Map() };
  const tableOf = new Map<string, TableKey>([[links, 'links']]);
  for (const w of wanted) {
    const table = tableName(w.table);
    tableOf.set(table, w.table);
    const entry = (request[table] ??= { Keys: [] });
    if (!entry.Keys.some((k) => k.pk === w.key.pk && k.sk === w.key.sk)) entry.Keys.push(w.key);
  }
  let link: Link | undefined;
  const items = new Map<string, Item>();
  await drainUnprocessed(request, async (pending) => {
    const out = await guarded(() => db.send(new BatchGetCommand({ RequestItems: pending })));
    for (const [table, found] of Object.entries(out.Responses ?? {})) {
      for (const item of found) {
        if (table === links) link = linkFrom(item);
        else items.set(`${tableOf.get(table)}|${item.pk}|${item.sk}`, item);
      }
    }
    const left = out.UnprocessedKeys as typeof pending | undefined;
    return left && Object.keys(left).length > 0 ? left : undefined;
  });
  return { link, items };
}

/**
 * The byOpd index keys of the check-ins of one OPD in a sesi recorded after `after` (an
 * ISO time; index keys start with the time of the check-in). A poll reads only these
 * few keys to learn whether a check-in came (eventually consistent, like the roll).
 */
export async function checkinsAfter(sesiId: string, opd: string, after: string): Promise<string[]> {
  const found: string[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const out = await guarded(() =>
      db.send(
        new QueryCommand({
          TableName: tableName('checkins'),
          IndexName: 'byOpd',
          KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk > :after',
          ExpressionAttributeValues: { ':pk': keys.checkinByOpdPartition(sesiId, opd), ':after': after },
          ProjectionExpression: 'gsi2sk',
          ExclusiveStartKey,
        }),
      ),
    );
    for (const item of out.Items ?? []) found.push(String(item.gsi2sk));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return found;
}
