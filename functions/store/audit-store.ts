import { randomBytes } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../core/audit';
import { Unavailable } from '../core/errors';
import type { Item, TransactItem } from './batch';
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
  /** `YYYY-MM`: the audit is browsed a month at a time. */
  month: string;
  opd?: string;
  actorNip?: string;
  /** Prefix of the action, e.g. `izin` or `izin.tarik`. */
  action?: string;
}

export interface AuditRecord extends AuditEntry {
  id: string;
}

/** A month of the trail, newest first, filtered on the server. */
export async function listAudit(filter: AuditFilter): Promise<AuditRecord[]> {
  const conditions: string[] = [];
  const values: Record<string, unknown> = { ':pk': keys.auditMonth(filter.month) };
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
    KeyConditionExpression: 'pk = :pk',
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
