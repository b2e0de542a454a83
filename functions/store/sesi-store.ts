import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Disruption } from '../core/attendance';
import type { OpdRecap, OpdRecapWithRows, RecapRow } from '../core/recap';
import type { SesiPlan, SesiSlot } from '../core/sesi';
import type { Item } from './batch';
import { batchGet, batchWrite, queryAll } from './batch';
import { db } from './client';
import { guarded } from './outage';
import { keys, tableName } from './tables';
import { bumpVersions, dayVersionKey } from './version-store';

export interface SesiRecord extends SesiPlan {
  state: 'dibuka' | 'ditutup';
  demo: boolean;
  openedAt: string;
  closedAt?: string;
  /** When the recap was made again with the taps kept on phones that arrived after the close (core/apel-jobs.ts `reclose`). */
  luringDirekap?: string;
  /** Declared by the admin when something outside the ASN's control disrupted the apel. */
  gangguan?: Disruption & { menit?: number; oleh: string; at: string };
}

export const sesiFrom = (i: Item): SesiRecord => ({
  id: String(i.id),
  date: String(i.date),
  slot: String(i.slot) as SesiSlot,
  opensAt: new Date(String(i.opensAt)),
  onTimeUntil: new Date(String(i.onTimeUntil)),
  closesAt: new Date(String(i.closesAt)),
  state: i.state === 'ditutup' ? 'ditutup' : 'dibuka',
  demo: i.demo === true,
  openedAt: String(i.openedAt),
  ...(i.closedAt ? { closedAt: String(i.closedAt) } : {}),
  ...(i.luringDirekap ? { luringDirekap: String(i.luringDirekap) } : {}),
  ...(i.gangguan && typeof i.gangguan === 'object' ? { gangguan: i.gangguan as NonNullable<SesiRecord['gangguan']> } : {}),
});

const sesiItem = (s: SesiRecord): Item => ({
  ...keys.sesi(s.id),
  id: s.id,
  date: s.date,
  slot: s.slot,
  opensAt: s.opensAt.toISOString(),
  onTimeUntil: s.onTimeUntil.toISOString(),
  closesAt: s.closesAt.toISOString(),
  state: s.state,
  demo: s.demo,
  openedAt: s.openedAt,
  closedAt: s.closedAt,
  luringDirekap: s.luringDirekap,
  gangguan: s.gangguan,
});

/**
 * Opens a sesi. A scheduled open is idempotent (a retried schedule leaves the first
 * record alone); a demo sesi is re-opened with a fresh window each time.
 * Returns false when the sesi already existed.
 */
export async function openSesi(plan: SesiPlan, now: Date, demo = false): Promise<boolean> {
  const record: SesiRecord = { ...plan, state: 'dibuka', demo, openedAt: now.toISOString() };
  try {
    await guarded(() =>
      db.send(
        new PutCommand({
          TableName: tableName('sessions'),
          Item: sesiItem(record),
          ...(demo ? {} : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      ),
    );
    // Not one transaction with the put (the apel clock has none to spare): a lost version
    // makes a poll wait for the roll's ETag to expire (at most 5 minutes), nothing worse.
    await bumpVersions([dayVersionKey(plan.date)], now);
    return true;
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) return false;
    throw e;
  }
}

export async function getSesiMany(ids: readonly string[]): Promise<SesiRecord[]> {
  if (ids.length === 0) return [];
  const found = await batchGet(tableName('sessions'), ids.map((id) => keys.sesi(id)));
  return [...found.values()].map(sesiFrom);
}

/** Notes that the recap was made again after the time for taps kept on phones (the apel clock then leaves it). */
export async function markRecapFinal(id: string, now: Date): Promise<void> {
  await guarded(() =>
    db.send(
      new UpdateCommand({
        TableName: tableName('sessions'),
        Key: keys.sesi(id),
        UpdateExpression: 'SET luringDirekap = :now',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':now': now.toISOString() },
      }),
    ),
  );
}

/** Marks the sesi closed and stores one recap per OPD; running it again rewrites the same numbers. */
export async function closeSesi(id: string, recaps: readonly OpdRecapWithRows[], now: Date): Promise<void> {
  const computedAt = now.toISOString();
  await batchWrite(
    tableName('sessions'),
    recaps.map((r) => ({ ...keys.recap(id, r.opd), sesiId: id, ...r, computedAt })),
  );
  await guarded(() =>
    db.send(
      new UpdateCommand({
        TableName: tableName('sessions'),
        Key: keys.sesi(id),
        UpdateExpression: 'SET #state = :closed, closedAt = if_not_exists(closedAt, :now)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':closed': 'ditutup', ':now': computedAt },
      }),
    ),
  );
  // Also after a repeated close, which may have rewritten the recaps.
  await bumpVersions([dayVersionKey(id.slice(0, 10))], now);
}

export async function listRecaps(id: string): Promise<OpdRecap[]> {
  const items = await queryAll({
    TableName: tableName('sessions'),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rekap)',
    ExpressionAttributeValues: { ':pk': keys.sesiPartition(id), ':rekap': keys.recapPrefix() },
  });
  return items.map(recapCounts);
}

const recapCounts = (i: Item): OpdRecap => ({
  opd: String(i.opd),
  wfa: i.wfa !== false,
  expected: Number(i.expected),
  hadir: Number(i.hadir),
  terlambat: Number(i.terlambat),
  tidakHadir: Number(i.tidakHadir),
});

/** One OPD's recaps (with rows) of the given sesi, by key: sesi that never closed are absent. */
export async function recapsOfOpd(sesiIds: readonly string[], opd: string): Promise<Map<string, OpdRecapWithRows>> {
  if (sesiIds.length === 0) return new Map();
  const found = await batchGet(tableName('sessions'), sesiIds.map((id) => keys.recap(id, opd)));
  const recaps = new Map<string, OpdRecapWithRows>();
  for (const item of found.values()) {
    recaps.set(String(item.sesiId), { ...recapCounts(item), rows: Array.isArray(item.rows) ? (item.rows as RecapRow[]) : [] });
  }
  return recaps;
}
