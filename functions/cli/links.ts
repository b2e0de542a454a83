import { appendFileSync, writeFileSync } from 'node:fs';
import type { CsvCell } from '../core/csv-writer';
import { csvFile, csvLines, id } from '../core/csv-writer';
import type { IssuedLink } from '../usecases/links';

export type { IssuedLink } from '../usecases/links';
export { issueLinks, linkUrl } from '../usecases/links';

const COLUMNS = ['nip', 'nama', 'opd', 'peran', 'tautan'];
const cells = (rows: readonly IssuedLink[]): CsvCell[][] => rows.map((l) => [id(l.nip), l.nama, l.opd, l.peran, l.tautan]);

/**
 * A links CSV written as links are issued, so that if issuing stops half-way (an
 * outage, an expired AWS session) every link already in force is in the file. It
 * never overwrites an existing file: that may hold the only copy of working links.
 * The BOM makes Excel on an Indonesian-locale PC read UTF-8 names right; the one CSV
 * writer (core/csv-writer.ts) keeps the NIP's 18 digits and neutralises formula-like names.
 */
export function createLinksCsv(path: string): (rows: readonly IssuedLink[]) => void {
  writeFileSync(path, csvFile(COLUMNS, [], ','), { mode: 0o600, flag: 'wx' });
  return (rows) => appendFileSync(path, csvLines(cells(rows), ','));
}

export function writeLinksCsv(path: string, links: readonly IssuedLink[]): void {
  writeFileSync(path, csvFile(COLUMNS, cells(links), ','), { mode: 0o600 });
}
