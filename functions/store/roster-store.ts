import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Asn, Opd } from '../core/roster';
import { parseRole } from '../core/roster';
import { db } from './client';
import { putChanged, queryAll } from './batch';
import { guarded } from './outage';
import { keys, tableName } from './tables';
import { serverNow } from '../runtime/clock';
import { bumpVersions, rosterVersionKey } from './version-store';

import type { ImportCounts, Item } from './batch';

export const opdItem = (o: Opd): Item => ({
  ...keys.opd(o.kode),
  type: 'OPD',
  kode: o.kode,
  nama: o.nama,
  wfa: o.wfa,
  ...(o.wfaSejak ? { wfaSejak: o.wfaSejak } : {}),
});
export const opdFrom = (i: Item): Opd => ({
  kode: String(i.kode),
  nama: String(i.nama),
  wfa: Boolean(i.wfa),
  ...(Array.isArray(i.wfaSejak)
    ? { wfaSejak: (i.wfaSejak as Item[]).map((c) => ({ sejak: String(c.sejak), wfa: c.wfa === true })) }
    : {}),
});

export const asnItem = (a: Asn): Item => ({
  ...keys.asn(a.nip),
  ...keys.asnByOpd(a.opd, a.nip),
  type: 'ASN',
  nip: a.nip,
  nama: a.nama,
  jabatan: a.jabatan,
  opd: a.opd,
  status: a.status,
  noHp: a.noHp,
  role: a.role,
  active: a.active,
  // Always written ("" when unknown), so a kecamatan taken out of the roster is gone from the item too.
  kecamatan: a.kecamatan ?? '',
});
export const asnFrom = (i: Item): Asn => ({
  nip: String(i.nip),
  nama: String(i.nama),
  jabatan: String(i.jabatan ?? ''),
  opd: String(i.opd),
  status: i.status === 'PPPK' ? 'PPPK' : 'PNS',
  noHp: String(i.noHp ?? ''),
  role: parseRole(i.role) ?? 'asn',
  active: i.active !== false,
  ...(typeof i.kecamatan === 'string' && i.kecamatan !== '' ? { kecamatan: i.kecamatan } : {}),
});

export async function getOpd(kode: string): Promise<Opd | undefined> {
  const out = await guarded(() => db.send(new GetCommand({ TableName: tableName('roster'), Key: keys.opd(kode) })));
  return out.Item ? opdFrom(out.Item) : undefined;
}

export async function listOpds(): Promise<Opd[]> {
  const items = await queryAll({
    TableName: tableName('roster'),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.opdPartition() },
  });
  return items.map(opdFrom);
}

export async function getAsn(nip: string): Promise<Asn | undefined> {
  const out = await guarded(() => db.send(new GetCommand({ TableName: tableName('roster'), Key: keys.asn(nip) })));
  return out.Item ? asnFrom(out.Item) : undefined;
}

/** Everyone on the roster of one OPD, active or not (deactivated staff keep their place: history), from the byOpd index (never a scan). */
export async function listRosterOfOpd(opd: string): Promise<Asn[]> {
  const items = await queryAll({
    TableName: tableName('roster'),
    IndexName: 'byOpd',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.asnByOpdPartition(opd) },
  });
  return items.map(asnFrom);
}

/** Active ASN of one OPD. */
export async function listAsnOfOpd(opd: string): Promise<Asn[]> {
  return (await listRosterOfOpd(opd)).filter((a) => a.active);
}

export async function importOpds(opds: readonly Opd[]): Promise<ImportCounts> {
  const counts = await putChanged(tableName('roster'), opds.map(opdItem));
  if (counts.added + counts.updated > 0) await bumpVersions([rosterVersionKey()], serverNow());
  return counts;
}

/**
 * Writes only new or changed ASN. `onMoved` runs for those whose OPD or role changed
 * before their roster item is written, so if the import stops half-way the next run
 * still sees them as changed and repeats it.
 */
export async function importAsns(
  asns: readonly Asn[],
  onMoved: (asn: Asn) => Promise<void> = async () => {},
): Promise<ImportCounts & { moved: Asn[] }> {
  const moved: Asn[] = [];
  const counts = await putChanged(tableName('roster'), asns.map(asnItem), async (updates) => {
    for (const { before, after } of updates) {
      if (before.opd === after.opd && before.role === after.role) continue;
      const asn = asnFrom(after);
      await onMoved(asn);
      moved.push(asn);
    }
  });
  // After the writes (an import is many batches, not one transaction).
  if (counts.added + counts.updated > 0) await bumpVersions([rosterVersionKey()], serverNow());
  return { ...counts, moved };
}

