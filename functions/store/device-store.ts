import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../core/audit';
import { NotFound } from '../core/errors';
import type { BoundDevice } from '../core/presence';
import { writeAudited } from './audit-store';
import type { Item, TransactItem } from './batch';
import { queryAll } from './batch';
import { db } from './client';
import type { Link } from './link-store';
import { deviceItem } from './link-store';
import { guarded } from './outage';
import { keys, tableName } from './tables';
import { versionBumpsFor } from './version-store';

/**
 * The phone a personal link is bound to (core/presence.ts). The key lives on the link item
 * (a check-in reads it with the link, at no extra request); per OPD, the Records table
 * keeps a marker per bound ASN and each new phone's request, which the head's roll lists
 * and the head approves or refuses.
 */

/** The link update that binds `device`, on condition that the link is unbound (or bound to the same key). */
export function bindAction(link: Pick<Link, 'tokenHash'>, device: BoundDevice): TransactItem {
  return {
    Update: {
      TableName: tableName('links'),
      Key: keys.link(link.tokenHash),
      UpdateExpression: 'SET perangkat = :d REMOVE perangkatBaru',
      // The link must still exist (not revoked or replaced meanwhile), and no other phone may have won.
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(perangkat) OR perangkat.kid = :kid)',
      ExpressionAttributeValues: { ':d': deviceItem(device), ':kid': device.kid },
    },
  };
}

/** The roll's marker of a bound ASN. */
export function boundMarker(link: Pick<Link, 'nip' | 'opd'>, device: BoundDevice): TransactItem {
  return { Put: { TableName: tableName('records'), Item: { ...keys.deviceBound(link.opd, link.nip), nip: link.nip, kid: device.kid, at: device.at } } };
}

/** Binds the link to `device`; false when another phone won the race (nothing written). */
export async function bindDevice(link: Pick<Link, 'tokenHash' | 'nip' | 'opd'>, device: BoundDevice): Promise<boolean> {
  try {
    await guarded(() => db.send(new TransactWriteCommand({ TransactItems: [bindAction(link, device), boundMarker(link, device)] })));
    return true;
  } catch (e) {
    if (e instanceof TransactionCanceledException && e.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
    throw e;
  }
}

export interface DeviceRequest {
  nip: string;
  kid: string;
  at: string;
}

/**
 * A new phone asks to take over the link: its key goes on the link item as `perangkatBaru`
 * and a request into the OPD's list (the roll shows it). A later request replaces an
 * earlier one. Puts the OPD's notes version, so the head's next poll sees it.
 */
export async function requestDevice(link: Pick<Link, 'tokenHash' | 'nip' | 'opd'>, device: BoundDevice, now: Date): Promise<void> {
  const items: TransactItem[] = [
    {
      Update: {
        TableName: tableName('links'),
        Key: keys.link(link.tokenHash),
        UpdateExpression: 'SET perangkatBaru = :d',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':d': deviceItem(device) },
      },
    },
    {
      Put: {
        TableName: tableName('records'),
        Item: { ...keys.deviceRequest(link.opd, link.nip), nip: link.nip, kid: device.kid, at: device.at, tokenHash: link.tokenHash },
      },
    },
  ];
  await guarded(() => db.send(new TransactWriteCommand({ TransactItems: [...items, ...versionBumpsFor(items, { opd: link.opd, at: now.toISOString() })] })));
}

/** The OPD's bound ASN (their NIPs; `passkey`: those of them with a passkey) and the phones waiting for approval: one query. */
export async function devicesOfOpd(opd: string): Promise<{ bound: Set<string>; passkey: Set<string>; requests: DeviceRequest[] }> {
  const items = await queryAll({
    TableName: tableName('records'),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.devicePartition(opd) },
  });
  const bound = new Set<string>();
  const passkey = new Set<string>();
  const requests: DeviceRequest[] = [];
  for (const i of items) {
    if (String(i.sk).startsWith('TERIKAT#')) {
      bound.add(String(i.nip));
      if (i.passkey) passkey.add(String(i.nip));
    } else requests.push({ nip: String(i.nip), kid: String(i.kid), at: String(i.at) });
  }
  return { bound, passkey, requests };
}

/**
 * The head's (or an admin's) one tap on a new phone's request: approve (the link is bound
 * to the new key from now on, the old phone no longer works) or refuse (the request is
 * dropped, the old phone keeps working). Approval also removes the old phone's passkey. One transaction with its audit line; the request
 * must still be the one the head saw (same key), else 404.
 */
export async function decideDeviceRequest(opd: string, nip: string, kid: string, approve: boolean, audit: AuditEntry): Promise<void> {
  const out = await guarded(() =>
    db.send(new GetCommand({ TableName: tableName('records'), Key: keys.deviceRequest(opd, nip), ConsistentRead: true })),
  );
  const request = out.Item as Item | undefined;
  const gone = () => new NotFound('PERMINTAAN_TIDAK_ADA', 'Permintaan perangkat ini sudah diputuskan atau diganti permintaan baru. Muat ulang daftar.');
  if (!request || request.kid !== kid) throw gone();
  const linkKey = keys.link(String(request.tokenHash));
  const links = tableName('links');
  const items: TransactItem[] = [
    {
      Update: {
        TableName: links,
        Key: linkKey,
        // The old phone's passkey goes with it: the new phone registers its own (or, without one, signs with its key).
        UpdateExpression: approve ? 'SET perangkat = perangkatBaru REMOVE perangkatBaru, passkey' : 'REMOVE perangkatBaru',
        ConditionExpression: 'attribute_exists(pk) AND perangkatBaru.kid = :kid',
        ExpressionAttributeValues: { ':kid': kid },
      },
    },
    { Delete: { TableName: tableName('records'), Key: keys.deviceRequest(opd, nip), ConditionExpression: 'kid = :kid', ExpressionAttributeValues: { ':kid': kid } } },
    ...(approve ? [{ Put: { TableName: tableName('records'), Item: { ...keys.deviceBound(opd, nip), nip, kid, at: audit.at } } }] : []),
  ];
  await writeAudited(items, audit, () => gone());
}
