import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Excuse, ExcuseKind } from '../core/attendance';
import { EXCUSE_ID, EXCUSE_KINDS } from '../core/attendance';
import type { AuditEntry } from '../core/audit';
import { Conflict, NotFound } from '../core/errors';
import type { IsoDate } from '../core/time';
import { writeAudited } from './audit-store';
import type { Item } from './batch';
import { queryAll } from './batch';
import { db } from './client';
import { guarded } from './outage';
import { keys, tableName } from './tables';

/**
 * Excuses, in their OPD's partition sorted by last day: the excuses that may cover a
 * date D are those with `sampai >= D`, one range query. The id carries the last day,
 * so an excuse is found again from its id alone.
 */

export function newExcuseId(sampai: IsoDate, nip: string): string {
  return `${sampai}_${nip}_${randomBytes(4).toString('hex')}`;
}

export function excuseKey(opd: string, id: string) {
  const sampai = EXCUSE_ID.exec(id)?.[1];
  return sampai ? keys.excuse(opd, sampai, id) : undefined;
}

const excuseFrom = (i: Item): Excuse => ({
  id: String(i.id),
  nip: String(i.nip),
  opd: String(i.opd),
  jenis: (EXCUSE_KINDS as readonly unknown[]).includes(i.jenis) ? (i.jenis as ExcuseKind) : 'izin',
  dari: String(i.dari),
  sampai: String(i.sampai),
  catatan: String(i.catatan ?? ''),
  oleh: String(i.oleh),
  at: String(i.at),
  ditarik: i.ditarik && typeof i.ditarik === 'object' ? (i.ditarik as Excuse['ditarik']) : null,
});

/** Excuses of an OPD that overlap [dari, sampai], withdrawn ones included. */
export async function excusesOfOpd(opd: string, dari: IsoDate, sampai: IsoDate): Promise<Excuse[]> {
  const items = await queryAll({
    TableName: tableName('records'),
    KeyConditionExpression: 'pk = :pk AND sk >= :from',
    FilterExpression: 'dari <= :to',
    ExpressionAttributeValues: { ':pk': keys.excusePartition(opd), ':from': dari, ':to': sampai },
  });
  return items.map(excuseFrom);
}

/** One ASN's excuses that overlap [dari, sampai], in whichever OPD they were recorded, withdrawn ones included. */
export async function excusesOfAsn(nip: string, dari: IsoDate, sampai: IsoDate): Promise<Excuse[]> {
  const { partition, from, to } = keys.excuseByAsnRange(nip, dari);
  const items = await queryAll({
    TableName: tableName('records'),
    IndexName: 'byAsn',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    FilterExpression: 'dari <= :until',
    ExpressionAttributeValues: { ':pk': partition, ':from': from, ':to': to, ':until': sampai },
  });
  return items.map(excuseFrom);
}

export async function getExcuse(opd: string, id: string): Promise<Excuse | undefined> {
  const key = excuseKey(opd, id);
  if (!key) return undefined;
  const out = await guarded(() => db.send(new GetCommand({ TableName: tableName('records'), Key: key, ConsistentRead: true })));
  return out.Item ? excuseFrom(out.Item) : undefined;
}

export async function recordExcuse(excuse: Excuse, audit: AuditEntry): Promise<void> {
  await writeAudited(
    [
      {
        Put: {
          TableName: tableName('records'),
          Item: {
            ...keys.excuse(excuse.opd, excuse.sampai, excuse.id),
            ...keys.excuseByAsn(excuse.nip, excuse.sampai, excuse.id),
            type: 'IZIN',
            ...excuse,
            ditarik: undefined,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ],
    audit,
  );
}

/** Withdraws an excuse: kept, marked `ditarik`, so history shows it was once there. */
export async function withdrawExcuse(excuse: Excuse, ditarik: NonNullable<Excuse['ditarik']>, audit: AuditEntry): Promise<void> {
  await writeAudited(
    [
      {
        Update: {
          TableName: tableName('records'),
          Key: keys.excuse(excuse.opd, excuse.sampai, excuse.id),
          UpdateExpression: 'SET ditarik = :d',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(ditarik)',
          ExpressionAttributeValues: { ':d': ditarik },
        },
      },
    ],
    audit,
    () => new Conflict('IZIN_SUDAH_DITARIK', 'Keterangan ini sudah ditarik sebelumnya.'),
  );
}

export const excuseNotFound = () => new NotFound('IZIN_TIDAK_ADA', 'Keterangan tidak ditemukan di OPD ini.');
