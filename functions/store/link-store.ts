import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../core/roster';
import { hashToken, newToken } from '../core/token';
import { db } from './client';
import { batchGet, batchWrite } from './batch';
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
}

export const linkFrom = (i: Record<string, unknown>): Link => ({
  nip: String(i.nip),
  role: i.role === 'pimpinan' || i.role === 'admin' ? i.role : 'asn',
  opd: String(i.opd),
  issuedAt: String(i.issuedAt),
});

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

/** Issues a new link for an ASN, replacing (and so revoking) any earlier one. Returns the token. */
export async function issueLink(asn: { nip: string; role: Role; opd: string }, now = new Date()): Promise<string> {
  const token = newToken();
  const tokenHash = hashToken(token);
  const previous = await currentHash(asn.nip);
  const table = tableName('links');
  const link: Link = { nip: asn.nip, role: asn.role, opd: asn.opd, issuedAt: now.toISOString() };
  await guarded(() =>
    db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table, Item: { ...keys.link(tokenHash), ...link } } },
          { Put: { TableName: table, Item: { ...keys.linkOfAsn(asn.nip), tokenHash, issuedAt: link.issuedAt } } },
          ...(previous ? [{ Delete: { TableName: table, Key: keys.link(previous) } }] : []),
        ],
      }),
    ),
  );
  return token;
}

/**
 * Issues links for many ASN at once (first start, a whole OPD, the whole regency).
 * Those who have no link yet get theirs in batch writes of 25 items, about 1 request
 * per 12 people; those who have one go through `issueLink`, whose transaction also
 * removes the old link. Returns each NIP's new token.
 */
export async function issueLinksInBulk(
  asns: readonly { nip: string; role: Role; opd: string }[],
  now = new Date(),
): Promise<Map<string, string>> {
  const table = tableName('links');
  const tokens = new Map<string, string>();
  for (let i = 0; i < asns.length; i += 100) {
    const chunk = asns.slice(i, i + 100);
    const pointers = await batchGet(table, chunk.map((a) => keys.linkOfAsn(a.nip)), true);
    const fresh = chunk.filter((a) => {
      const k = keys.linkOfAsn(a.nip);
      return !pointers.has(`${k.pk}|${k.sk}`);
    });
    const items = fresh.flatMap((a) => {
      const token = newToken();
      const tokenHash = hashToken(token);
      tokens.set(a.nip, token);
      const issuedAt = now.toISOString();
      return [
        { ...keys.link(tokenHash), nip: a.nip, role: a.role, opd: a.opd, issuedAt },
        { ...keys.linkOfAsn(a.nip), tokenHash, issuedAt },
      ];
    });
    await batchWrite(table, items);
    for (const a of chunk) if (!tokens.has(a.nip)) tokens.set(a.nip, await issueLink(a, now));
  }
  return tokens;
}

/** Revokes the ASN's link at once: the next request with it gets 401. Returns false if there was none. */
export async function revokeLink(nip: string): Promise<boolean> {
  const previous = await currentHash(nip);
  if (!previous) return false;
  const table = tableName('links');
  await guarded(() =>
    db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: table, Key: keys.link(previous) } },
          { Delete: { TableName: table, Key: keys.linkOfAsn(nip) } },
        ],
      }),
    ),
  );
  return true;
}

/** Keeps a link's denormalised OPD and role in step when the roster moves an ASN. */
export async function syncLink(asn: { nip: string; role: Role; opd: string }): Promise<void> {
  const hash = await currentHash(asn.nip);
  if (!hash) return;
  await guarded(() =>
    db.send(
      new UpdateCommand({
        TableName: tableName('links'),
        Key: keys.link(hash),
        UpdateExpression: 'SET opd = :opd, #role = :role',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':opd': asn.opd, ':role': asn.role },
      }),
    ),
  );
}
