import { appendFileSync, writeFileSync } from 'node:fs';
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

const COLUMNS = ['nip', 'nama', 'opd', 'peran', 'tautan'];

/**
 * Issues (or re-issues, revoking the old) links for the given ASN. `onIssued` gets
 * each group's rows as soon as those links are in force, before more are replaced.
 */
export async function issueLinks(
  asns: readonly Asn[],
  baseUrl: string,
  onIssued: (rows: IssuedLink[]) => void = () => {},
): Promise<IssuedLink[]> {
  const byNip = new Map(asns.map((a) => [a.nip, a]));
  const rows = (tokens: Map<string, string>) =>
    [...tokens].map(([nip, token]) => {
      const a = byNip.get(nip)!;
      return { nip, nama: a.nama, opd: a.opd, peran: a.role, tautan: linkUrl(baseUrl, token) };
    });
  const tokens = await issueLinksInBulk(asns, (group) => onIssued(rows(group)));
  return rows(tokens);
}

/**
 * A links CSV written as links are issued, so that if issuing stops half-way (an
 * outage, an expired AWS session) every link already in force is in the file. It
 * never overwrites an existing file: that may hold the only copy of working links.
 * The BOM makes Excel on an Indonesian-locale PC read UTF-8 names right.
 */
export function createLinksCsv(path: string): (rows: readonly IssuedLink[]) => void {
  writeFileSync(path, stringify([], { header: true, columns: COLUMNS, bom: true }), { mode: 0o600, flag: 'wx' });
  return (rows) => appendFileSync(path, stringify(rows as IssuedLink[], { columns: COLUMNS }));
}

export function writeLinksCsv(path: string, links: readonly IssuedLink[]): void {
  writeFileSync(path, stringify(links as IssuedLink[], { header: true, columns: COLUMNS, bom: true }), { mode: 0o600 });
}
