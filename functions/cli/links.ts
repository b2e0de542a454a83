import { writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { Asn } from '../core/roster';
import { issueLinksInBulk } from '../store/link-store';

export interface IssuedLink {
  nip: string;
  nama: string;
  opd: string;
  peran: string;
  tautan: string;
}

/** The token travels in the fragment, which browsers never send to a server or CDN. */
export function linkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/#t=${token}`;
}

/** Issues (or re-issues, revoking the old) links for the given ASN. */
export async function issueLinks(asns: readonly Asn[], baseUrl: string): Promise<IssuedLink[]> {
  const tokens = await issueLinksInBulk(asns);
  return asns.map((a) => ({ nip: a.nip, nama: a.nama, opd: a.opd, peran: a.role, tautan: linkUrl(baseUrl, tokens.get(a.nip)!) }));
}

/** CSV for the admin to hand out; the BOM makes Excel on an Indonesian-locale PC read UTF-8 names right. */
export function writeLinksCsv(path: string, links: readonly IssuedLink[]): void {
  const csv = stringify(links as IssuedLink[], { header: true, columns: ['nip', 'nama', 'opd', 'peran', 'tautan'], bom: true });
  writeFileSync(path, csv, { mode: 0o600 });
}
