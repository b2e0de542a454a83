import { randomBytes } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../core/audit';
import { Unavailable } from '../core/errors';
import type { Item, TransactItem } from './batch';
import { addDays, zonedInstant } from '../core/time';
import { queryAll } from './batch';
import { db } from './client';
import { guarded } from './outage';
import { keys, tableName } from './tables';
import { versionBumpsFor } from './version-store';

/**
 * The audit trail. Every change by a head or an admin is written in one transaction
 * with its audit line, so a change without its line (or a line without its change)
 * cannot exist. Lines are only ever put, never updated or deleted; the functions'
 * IAM grants on the audit table allow nothing else.
 */

export type { TransactItem };

export function auditPut(entry: AuditEntry): TransactItem {
  const id = randomBytes(6).toString('hex');
  return {
    Put: {
      TableName: tableName('audit'),
      Item: { ...keys.audit(entry.at, id), id, ...entry },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * Writes a change and its audit line atomically. `conditionFailed` turns a failed
 * condition on one of the change's items (index in `items`) into the caller's error.
 */
export async function writeAudited(
  items: readonly TransactItem[],
  entry: AuditEntry,
  conditionFailed?: (index: number) => Error | undefined,
): Promise<void> {
  try {
    // The versions a poll of the roll or the overview reads (version-store.ts) change with the change itself.
    await guarded(() => db.send(new TransactWriteCommand({ TransactItems: [...items, auditPut(entry), ...versionBumpsFor(items, entry)] })));
  } catch (e) {
    if (e instanceof TransactionCanceledException) {
      const reasons = e.CancellationReasons ?? [];
      const index = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      const mapped = conditionFailed && index >= 0 && index < items.length ? conditionFailed(index) : undefined;
      if (mapped) throw mapped;
      // Two people changing the same record at the same moment (e.g. two heads of one
      // OPD): nothing was written, and trying again is right.
      if (reasons.some((r) => r.Code === 'TransactionConflict')) {
        throw new Unavailable('DATA_SEDANG_DIUBAH', 'Data ini sedang diubah oleh orang lain pada saat yang sama; coba lagi.', 1);
      }
    }
    throw e;
  }
}

export interface AuditFilter {
  /** `YYYY-MM`: the audit is browsed a month at a time, the month of `timeZone` (UTC unless given). */
  month: string;
  /** The regency's zone: 1 December 07:05 WITA is 30 November in UTC, and belongs to December. */
  timeZone?: string;
  opd?: string;
  actorNip?: string;
  /** Prefix of the action, e.g. `izin` or `izin.tarik`. */
  action?: string;
}

export interface AuditRecord extends AuditEntry {
  id: string;
}

/**
 * The partitions and sort-key bounds of a month in a zone. Lines are filed by the UTC month of
 * their time (`keys.audit`), so a month in an Indonesian zone (UTC+7 to +9) spans two partitions:
 * its first hours are in the last UTC day of the month before.
 */
function monthBounds(month: string, timeZone = 'UTC') {
  const from = zonedInstant(`${month}-01`, '00:00', timeZone).toISOString();
  const last = new Date(zonedInstant(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, '00:00', timeZone).getTime() - 1).toISOString();
  const months = [...new Set([last.slice(0, 7), from.slice(0, 7)])];
  return { months, from, to: `${last}~` };
}

/** A month of the trail, newest first, filtered on the server: one Query per UTC month it spans. */
export async function listAudit(filter: AuditFilter): Promise<AuditRecord[]> {
  const bounds = monthBounds(filter.month, filter.timeZone);
  const months = await Promise.all(bounds.months.map((utcMonth) => listAuditPartition(utcMonth, bounds.from, bounds.to, filter)));
  return months.flat();
}

async function listAuditPartition(utcMonth: string, from: string, to: string, filter: AuditFilter): Promise<AuditRecord[]> {
  const conditions: string[] = [];
  const values: Record<string, unknown> = { ':pk': keys.auditMonth(utcMonth), ':from': from, ':to': to };
  const names: Record<string, string> = {};
  if (filter.opd) {
    conditions.push('opd = :opd');
    values[':opd'] = filter.opd;
  }
  if (filter.actorNip) {
    conditions.push('actor.nip = :actor');
    values[':actor'] = filter.actorNip;
  }
  if (filter.action) {
    conditions.push('begins_with(#action, :action)');
    names['#action'] = 'action';
    values[':action'] = filter.action;
  }
  const items = await queryAll({
    TableName: tableName('audit'),
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ScanIndexForward: false,
    ExpressionAttributeValues: values,
    ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
    ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND ') } : {}),
  });
  return items.map(auditFrom);
}

const auditFrom = (i: Item): AuditRecord => ({
  id: String(i.id),
  at: String(i.at),
  actor: i.actor as AuditEntry['actor'],
  action: String(i.action),
  ...(i.opd ? { opd: String(i.opd) } : {}),
  target: String(i.target),
  ...(i.before !== undefined ? { before: i.before } : {}),
  ...(i.after !== undefined ? { after: i.after } : {}),
});
