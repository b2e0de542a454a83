import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
  TransactionConflictException,
} from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Unavailable } from '../core/errors';
import type { Passkey } from '../core/passkey';
import type { BoundDevice } from '../core/presence';
import type { Role } from '../core/roster';
import { parseRole } from '../core/roster';
import { hashToken, newToken } from '../core/token';
import { db } from './client';
import { batchGet } from './batch';
import { guarded } from './outage';
import { keys, tableName } from './tables';

/**
 * Personal links. The token itself is returned once, to be handed out, and never
 * stored: the table holds its hash (what a request is looked up by) and, per ASN, a
 * pointer to the current hash so issuing again or revoking removes the old one.
 */

export interface Link {
  nip: string;
  role: Role;
  /** Denormalised so a check-in needs no roster read; kept in step by the roster import. */
  opd: string;
  issuedAt: string;
  /** The hash this link is stored under (what a device's binding and its requests update). */
  tokenHash: string;
  /** The phone this link is bound to (core/presence.ts): its public key, on the link item so a check-in reads it for free. */
  perangkat?: BoundDevice;
  /** Another phone's key waiting for the head's approval. */
  perangkatBaru?: BoundDevice;
  /** Passkey mode: the passkey registered from the bound phone (core/passkey.ts), on the link item for the same reason. */
  passkey?: Passkey;
}

/** A device as the link item keeps it: `{kid, x, y, at}`. */
function deviceFrom(raw: unknown): BoundDevice | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const d = raw as Record<string, unknown>;
  if (typeof d.kid !== 'string' || typeof d.x !== 'string' || typeof d.y !== 'string') return undefined;
  return { kid: d.kid, key: { kty: 'EC', crv: 'P-256', x: d.x, y: d.y }, at: String(d.at) };
}

/** A passkey as the link item keeps it: `{id, k, alg, n, at}` (k: SPKI DER, n: the signature counter). */
function passkeyFrom(raw: unknown): Passkey | undefined {
  const p = raw as Record<string, unknown> | undefined;
  return p && typeof p.id === 'string' && typeof p.k === 'string' ? { id: p.id, key: p.k, alg: Number(p.alg), counter: Number(p.n), at: String(p.at) } : undefined;
}

/** The item form of a device (the inverse of `deviceFrom`). */
export const deviceItem = (d: BoundDevice) => ({ kid: d.kid, x: d.key.x, y: d.key.y, at: d.at });

export const linkFrom = (i: Record<string, unknown>): Link => {
  const perangkat = deviceFrom(i.perangkat);
  const perangkatBaru = deviceFrom(i.perangkatBaru);
  const passkey = passkeyFrom(i.passkey);
  return {
    nip: String(i.nip),
    role: parseRole(i.role) ?? 'asn',
    opd: String(i.opd),
    issuedAt: String(i.issuedAt),
    tokenHash: String(i.pk).replace(/^LINK#/, ''),
    ...(perangkat ? { perangkat } : {}),
    ...(perangkatBaru ? { perangkatBaru } : {}),
    ...(passkey ? { passkey } : {}),
  };
};

export async function findLink(tokenHash: string): Promise<Link | undefined> {
  const out = await guarded(() =>
    db.send(new GetCommand({ TableName: tableName('links'), Key: keys.link(tokenHash), ConsistentRead: true })),
  );
  return out.Item ? linkFrom(out.Item) : undefined;
}

async function currentHash(nip: string): Promise<string | undefined> {
  const out = await guarded(() =>
    db.send(new GetCommand({ TableName: tableName('links'), Key: keys.linkOfAsn(nip), ConsistentRead: true })),
  );
  return out.Item?.tokenHash as string | undefined;
}

/** Attempts before giving up when other writers keep changing the same ASN's link. */
const ATTEMPTS = 8;

/** Random, growing pause after a lost race, so concurrent writers stop colliding. */
const backOff = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 20 * 2 ** Math.min(attempt, 5)));

/** True when a transaction lost to a concurrent change of the same items (so re-read and retry). */
function lostRace(error: unknown): boolean {
  return (
    error instanceof TransactionCanceledException ||
    error instanceof ConditionalCheckFailedException ||
    error instanceof TransactionConflictException
  );
}

const raceLost = () =>
  new Unavailable('TAUTAN_SEDANG_DIUBAH', 'Tautan orang ini sedang diubah oleh proses lain; coba lagi.', 2);

/** The writes that make `tokenHash` an ASN's one link, on condition that `previous` is still current. */
function replaceLinkActions(asn: { nip: string; role: Role; opd: string }, tokenHash: string, previous: string | undefined, issuedAt: string) {
  const table = tableName('links');
  return [
    {
      Put: {
        TableName: table,
        Item: { ...keys.link(tokenHash), nip: asn.nip, role: asn.role, opd: asn.opd, issuedAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: table,
        Item: { ...keys.linkOfAsn(asn.nip), tokenHash, issuedAt },
        // Whoever changed the pointer since we read it wins; we re-read and try again,
        // so two concurrent issues can never leave two working links.
        ...(previous
          ? { ConditionExpression: 'tokenHash = :previous', ExpressionAttributeValues: { ':previous': previous } }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    },
    // The old link's push subscriptions go with it (store/reminder-store.ts).
    ...(previous ? [{ Delete: { TableName: table, Key: keys.link(previous) } }, dropSubscriptions(asn.nip)] : []),
  ];
}

/** The delete of an ASN's push subscriptions (Reminders table), in the transaction that revokes or replaces their link. */
function dropSubscriptions(nip: string) {
  return { Delete: { TableName: tableName('reminders'), Key: keys.pushSubscriptions(nip) } };
}

/**
 * Reads the ASN's current link and runs `write`, whose writes are conditional on that
 * link still being current; if another writer changed it meanwhile, pauses, re-reads
 * and tries again, a bounded number of times.
 */
async function onCurrentLink<T>(nip: string, write: (current: string | undefined) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await currentHash(nip);
    try {
      return await write(current);
    } catch (e) {
      if (!lostRace(e)) throw e;
      await backOff(attempt);
    }
  }
  throw raceLost();
}

/** Issues a new link for an ASN, replacing (and so revoking) any earlier one. Returns the token. */
export function issueLink(asn: { nip: string; role: Role; opd: string }, now = new Date()): Promise<string> {
  return onCurrentLink(asn.nip, async (previous) => {
    const token = newToken();
    await guarded(() =>
      db.send(new TransactWriteCommand({ TransactItems: replaceLinkActions(asn, hashToken(token), previous, now.toISOString()) })),
    );
    return token;
  });
}

/** 25 people × 4 writes (new link, pointer, old link, its push subscriptions) fit DynamoDB's 100 actions per transaction. */
const PEOPLE_PER_TRANSACTION = 25;

/**
 * Issues links for many ASN at once (first start, a whole OPD, the whole regency), in
 * transactions of 25 people, each write on condition that nobody changed that person's
 * link since it was read; a transaction that loses such a race falls back to
 * `issueLink` per person. `onIssued` receives each group's new tokens as soon as they
 * are in force, so a caller can save them before the next group replaces more links.
 */
export async function issueLinksInBulk(
  asns: readonly { nip: string; role: Role; opd: string }[],
  onIssued: (tokens: Map<string, string>) => Promise<void> | void = () => {},
  now = new Date(),
): Promise<Map<string, string>> {
  const table = tableName('links');
  const unique = [...new Map(asns.map((a) => [a.nip, a])).values()];
  const all = new Map<string, string>();
  for (let i = 0; i < unique.length; i += PEOPLE_PER_TRANSACTION) {
    const group = unique.slice(i, i + PEOPLE_PER_TRANSACTION);
    const pointers = await batchGet(table, group.map((a) => keys.linkOfAsn(a.nip)), true);
    const plan = group.map((a) => {
      const k = keys.linkOfAsn(a.nip);
      return { asn: a, token: newToken(), previous: pointers.get(`${k.pk}|${k.sk}`)?.tokenHash as string | undefined };
    });
    const issued = new Map<string, string>();
    try {
      const actions = plan.flatMap((p) => replaceLinkActions(p.asn, hashToken(p.token), p.previous, now.toISOString()));
      await guarded(() => db.send(new TransactWriteCommand({ TransactItems: actions })));
      for (const p of plan) issued.set(p.asn.nip, p.token);
    } catch (e) {
      if (!lostRace(e)) throw e;
      for (const a of group) issued.set(a.nip, await issueLink(a, now));
    }
    await onIssued(issued);
    for (const [nip, token] of issued) all.set(nip, token);
  }
  return all;
}

/** Revokes the ASN's link at once: the next request with it gets 401. Returns false if there was none. */
export function revokeLink(nip: string): Promise<boolean> {
  const table = tableName('links');
  return onCurrentLink(nip, async (previous) => {
    if (!previous) return false;
    await guarded(() =>
      db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: table, Key: keys.link(previous) } },
            {
              Delete: {
                TableName: table,
                Key: keys.linkOfAsn(nip),
                ConditionExpression: 'tokenHash = :previous',
                ExpressionAttributeValues: { ':previous': previous },
              },
            },
            dropSubscriptions(nip),
          ],
        }),
      ),
    );
    return true;
  });
}

/** Keeps a link's denormalised OPD and role in step when the roster moves an ASN. */
export function syncLink(asn: { nip: string; role: Role; opd: string }): Promise<void> {
  return onCurrentLink(asn.nip, async (hash) => {
    if (!hash) return;
    await guarded(() =>
      db.send(
        new UpdateCommand({
          TableName: tableName('links'),
          Key: keys.link(hash),
          UpdateExpression: 'SET opd = :opd, #role = :role',
          // The link may have been replaced since we read the pointer: then sync the new one.
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#role': 'role' },
          ExpressionAttributeValues: { ':opd': asn.opd, ':role': asn.role },
        }),
      ),
    );
  });
}
