import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Holiday } from '../core/sesi';
import type { IsoDate } from '../core/time';
import type { ImportCounts } from './batch';
import { putChanged, queryAll } from './batch';
import { serverNow } from '../runtime/clock';
import { bumpVersions, dayVersionKey } from './version-store';
import { db } from './client';
import { guarded } from './outage';
import { keys, tableName } from './tables';

const holidayFrom = (i: Record<string, unknown>): Holiday => ({
  date: String(i.sk),
  jenis: i.jenis === 'cuti_bersama' ? 'cuti_bersama' : 'libur_nasional',
  keterangan: String(i.keterangan ?? ''),
});

export async function getHoliday(date: IsoDate): Promise<Holiday | undefined> {
  const out = await guarded(() => db.send(new GetCommand({ TableName: tableName('calendar'), Key: keys.holiday(date) })));
  return out.Item ? holidayFrom(out.Item) : undefined;
}

/**
 * Calendar items of the dates in [from, to] (a range spans at most two years here),
 * keyed by date: one range query on each year's partition.
 */
export async function datesBetween<T>(
  partitionOf: (year: string) => string,
  from: IsoDate,
  to: IsoDate,
  read: (item: Record<string, unknown>) => T,
): Promise<Map<IsoDate, T>> {
  const result = new Map<IsoDate, T>();
  for (const year of new Set([from.slice(0, 4), to.slice(0, 4)])) {
    const items = await queryAll({
      TableName: tableName('calendar'),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': partitionOf(year), ':from': from, ':to': to },
    });
    for (const item of items) result.set(String(item.sk), read(item));
  }
  return result;
}

/** Holidays of the dates in [from, to], keyed by date. */
export function holidaysBetween(from: IsoDate, to: IsoDate): Promise<Map<IsoDate, Holiday>> {
  return datesBetween(keys.holidayYear, from, to, holidayFrom);
}

/** Loads a year's list (the joint-decree CSV); only new or changed dates are written. */
export async function importHolidays(holidays: readonly Holiday[]): Promise<ImportCounts> {
  const counts = await putChanged(
    tableName('calendar'),
    holidays.map((h) => ({ ...keys.holiday(h.date), jenis: h.jenis, keterangan: h.keterangan })),
  );
  // The rolls of those dates (store/version-store.ts); after the writes, as it is no transaction.
  if (counts.added + counts.updated > 0) await bumpVersions(holidays.map((h) => dayVersionKey(h.date)), serverNow());
  return counts;
}
