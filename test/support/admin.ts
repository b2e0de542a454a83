import type { Asn } from '../../functions/core/roster';
import { allItems, freshTables } from './db';
import { ASNS, seedRoster } from './roster';

/** An admin of the small test roster (BKPSDM staff placed in setda), with a link of their own. */
export const ADMIN: Asn = { ...ASNS[1]!, nip: '198001012005011001', nama: 'Admin BKPSDM', jabatan: 'Analis SDM', role: 'admin' };

/** Fresh tables, the small roster with links, and the admin (changed by `admin`) with theirs. */
export async function seedWithAdmin(admin: Partial<Asn> = {}): Promise<{ tokens: Map<string, string>; adminToken: string }> {
  await freshTables();
  const tokens = await seedRoster();
  const { importAsns } = await import('../../functions/store/roster-store');
  const { issueLink } = await import('../../functions/store/link-store');
  const who = { ...ADMIN, ...admin };
  await importAsns([who]);
  return { tokens, adminToken: await issueLink(who) };
}

/** The audit lines of one action (tests may scan; the product browses a month at a time). */
export async function auditOf(action: string): Promise<Record<string, unknown>[]> {
  return (await allItems('audit')).filter((a) => a.action === action);
}
