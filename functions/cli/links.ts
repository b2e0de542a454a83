import { appendFileSync, writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { IssuedLink } from '../usecases/links';

export type { IssuedLink } from '../usecases/links';
export { issueLinks, linkUrl } from '../usecases/links';

const COLUMNS = ['nip', 'nama', 'opd', 'peran', 'tautan'];

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
