import { BatchGetCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TransactItem } from './batch';
import { Unavailable } from '../core/errors';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AssessmentMark } from '../../contract';
import type { CheckinStatus } from '../core/checkin';
import type { NetworkReport } from '../core/evaluation';
import type { Link } from './link-store';
import { linkFrom } from './link-store';
import type { SesiRecord } from './sesi-store';
import { sesiFrom } from './sesi-store';
import type { Item } from './batch';
import { drainUnprocessed, queryAll } from './batch';
import { db } from './client';
import { guarded } from './outage';
import { keys, tableName } from './tables';

export interface Checkin {
  sesiId: string;
  nip: string;
  opd: string;
  status: CheckinStatus;
  at: string;
  /** Today's work plan (apel pagi) or output (apel sore), as the ASN wrote it. */
  laporan?: string;
  /** The ASN confirmed wearing the day's uniform (absent: no uniform was asked). */
  seragam?: boolean;
  /** Set by a head: the uniform was not as required. */
  tidakPatuh?: ComplianceMark;
  /** The proof given (core/presence.ts): signed by the phone's key (and, `passkey`, by its passkey with user verification), or none (before binding is required). */
  bukti?: 'passkey' | 'perangkat' | 'tanpa';
  /** The phone's key (its thumbprint) that signed it. */
  kid?: string;
  /** When the phone was tapped (ticket + elapsed; `at` is when it arrived), and the ticket's time. */
  ketukPada?: string;
  tiketPada?: string;
  /** Kept on the phone and delivered later (arrival ≥ 30 s after the tap): the roll and the recaps show it. */
  luring?: boolean;
  /** Set by a head on an apel sore: the output against the plan (core/evaluation.ts). */
  penilaian?: AssessmentMark;
  /** How the check-in reached the server, as the phone measured it (core/evaluation.ts). */
  jaringan?: NetworkReport;
  /** A late ASN's reason, set afterwards while the apel is open (store/late-reason-store.ts). */
  alasanTerlambat?: string;
}

export interface ComplianceMark {
  catatan: string;
  oleh: string;
  at: string;
}

export const checkinFrom = (i: Item): Checkin => ({
  sesiId: String(i.sesiId),
  nip: String(i.nip),
  opd: String(i.opd),
  status: i.status === 'terlambat' ? 'terlambat' : 'hadir',
  at: String(i.at),
  ...(typeof i.laporan === 'string' ? { laporan: i.laporan } : {}),
  ...(typeof i.seragam === 'boolean' ? { seragam: i.seragam } : {}),
  ...(i.tidakPatuh && typeof i.tidakPatuh === 'object' ? { tidakPatuh: i.tidakPatuh as ComplianceMark } : {}),
  ...(i.bukti === 'passkey' || i.bukti === 'perangkat' || i.bukti === 'tanpa' ? { bukti: i.bukti } : {}),
  ...(typeof i.kid === 'string' ? { kid: i.kid } : {}),
  ...(typeof i.ketukPada === 'string' ? { ketukPada: i.ketukPada } : {}),
  ...(typeof i.tiketPada === 'string' ? { tiketPada: i.tiketPada } : {}),
  ...(i.luring === true ? { luring: true } : {}),
  ...(i.penilaian && typeof i.penilaian === 'object' ? { penilaian: i.penilaian as AssessmentMark } : {}),
  ...(i.jaringan && typeof i.jaringan === 'object' ? { jaringan: i.jaringan as NetworkReport } : {}),
  ...(typeof i.alasanTerlambat === 'string' ? { alasanTerlambat: i.alasanTerlambat } : {}),
});

/**
 * Round trip 1 of a check-in: the link (by token hash) and the sesi, in one
 * BatchGetItem across both tables. Both strongly consistent: a revoked link fails at
 * once, and a sesi opened a moment ago is already there for the first taps at 07:00.
 */
export async function loadLinkAndSesi(
  tokenHash: string,
  sesiId: string,
): Promise<{ link: Link | undefined; sesi: SesiRecord | undefined }> {
  const links = tableName('links');
  const sessions = tableName('sessions');
  let link: Link | undefined;
  let sesi: SesiRecord | undefined;
  // UnprocessedKeys is rare (throttling) but must not turn into "unknown link".
  await drainUnprocessed<Record<string, { Keys: Item[]; ConsistentRead?: boolean }>>(
    {
      [links]: { Keys: [keys.link(tokenHash)], ConsistentRead: true },
      [sessions]: { Keys: [keys.sesi(sesiId)], ConsistentRead: true },
    },
    async (request) => {
      const out = await guarded(() => db.send(new BatchGetCommand({ RequestItems: request })));
      const l = out.Responses?.[links]?.[0];
      const s = out.Responses?.[sessions]?.[0];
      if (l) link = linkFrom(l);
      if (s) sesi = sesiFrom(s);
      const left = out.UnprocessedKeys as typeof request | undefined;
      return left && Object.keys(left).length > 0 ? left : undefined;
    },
  );
  return { link, sesi };
}

/**
 * Round trip 2: a conditional put. If this ASN already checked in to the sesi, the
 * condition fails and DynamoDB returns the stored item with the failure, so a repeat
 * costs no extra read and writes nothing.
 */
export async function recordCheckin(checkin: Checkin): Promise<{ checkin: Checkin; repeat: boolean }> {
  try {
    await guarded(() =>
      db.send(
        new PutCommand({
          TableName: tableName('checkins'),
          Item: {
            ...keys.checkin(checkin.sesiId, checkin.nip),
            ...keys.checkinByAsn(checkin.nip, checkin.sesiId),
            ...keys.checkinByOpd(checkin.sesiId, checkin.opd, checkin.nip, checkin.at),
            ...checkin,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      ),
    );
    return { checkin, repeat: false };
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException && e.Item) {
      return { checkin: checkinFrom(unmarshall(e.Item)), repeat: true };
    }
    throw e;
  }
}

/** A refused request's one extra read: had this ASN already checked in? */
export async function findCheckin(sesiId: string, nip: string): Promise<Checkin | undefined> {
  const out = await guarded(() =>
    db.send(
      new GetCommand({ TableName: tableName('checkins'), Key: keys.checkin(sesiId, nip), ConsistentRead: true }),
    ),
  );
  return out.Item ? checkinFrom(out.Item) : undefined;
}

/**
 * Check-ins recorded under one OPD in one sesi: a query on that OPD's partition of the
 * byOpd index (eventually consistent, by well under a second; the recap runs a minute
 * after the close).
 */
export async function listCheckins(sesiId: string, opd: string): Promise<Checkin[]> {
  return (await listCheckinsKeyed(sesiId, opd)).map((c) => c.checkin);
}

/** The same, each with its byOpd index sort key (the live roll's ETag names those of the last moments). */
export async function listCheckinsKeyed(sesiId: string, opd: string): Promise<{ checkin: Checkin; indexKey: string }[]> {
  const items = await queryAll({
    TableName: tableName('checkins'),
    IndexName: 'byOpd',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.checkinByOpdPartition(sesiId, opd) },
  });
  return items.map((i) => ({ checkin: checkinFrom(i), indexKey: String(i.gsi2sk) }));
}

/** One ASN's check-ins between two sesi ids (ids sort by date, then slot). */
export async function checkinsOfAsn(nip: string, fromId: string, toId: string): Promise<Checkin[]> {
  const items = await queryAll({
    TableName: tableName('checkins'),
    IndexName: 'byAsn',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.checkinByAsnPartition(nip), ':from': fromId, ':to': toId },
  });
  return items.map(checkinFrom);
}

/**
 * Round trip 2 of a first signed check-in on an unbound link: the check-in's conditional put
 * and the binding of the phone (`bind`: store/device-store.ts) in one TransactWriteItems, so
 * the first use binds at no extra request. Also a check-in with a passkey that counts its
 * signatures, whose counter goes up in the same transaction (store/passkey-store.ts). If another phone bound the link meanwhile,
 * nothing is written and `lost()` is thrown; a repeat returns the first check-in.
 */
export async function recordCheckinAndBind(checkin: Checkin, bind: readonly TransactItem[], lost: () => Error, repeatFirst = false): Promise<{ checkin: Checkin; repeat: boolean }> {
  const put: TransactItem = {
    Put: {
      TableName: tableName('checkins'),
      Item: {
        ...keys.checkin(checkin.sesiId, checkin.nip),
        ...keys.checkinByAsn(checkin.nip, checkin.sesiId),
        ...keys.checkinByOpd(checkin.sesiId, checkin.opd, checkin.nip, checkin.at),
        ...checkin,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
  try {
    await guarded(() => db.send(new TransactWriteCommand({ TransactItems: [put, ...bind] })));
    return { checkin, repeat: false };
  } catch (e) {
    if (!(e instanceof TransactionCanceledException)) throw e;
    const [first, ...rest] = e.CancellationReasons ?? [];
    // Another phone bound the link first (whether or not it also checked in): this one is refused.
    // (`repeatFirst`, a passkey's counter: a retry of a recorded check-in is answered as a repeat.)
    if (rest.some((r) => r.Code === 'ConditionalCheckFailed') && !(repeatFirst && first?.Code === 'ConditionalCheckFailed')) throw lost();
    // Two requests on the same link at the same instant: nothing was written; the page retries a 503.
    if (e.CancellationReasons?.some((r) => r.Code === 'TransactionConflict')) throw new Unavailable('TAUTAN_SEDANG_DIUBAH', 'Permintaan lain untuk tautan ini sedang diproses; coba lagi.', 1);
    if (first?.Code === 'ConditionalCheckFailed') {
      const earlier = first.Item ? checkinFrom(unmarshall(first.Item)) : await findCheckin(checkin.sesiId, checkin.nip);
      if (earlier) return { checkin: earlier, repeat: true };
    }
    throw e;
  }
}
