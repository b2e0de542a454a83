import { parse } from 'csv-parse/sync';
import type { CsvRow } from './roster';
import { InvalidInput } from './errors';

/**
 * CSV text to rows with their line numbers, via csv-parse (a maintained RFC 4180
 * parser: quoted fields with commas, CRLF, BOM) rather than a hand-written split.
 * Headers are lower-cased so `NIP` and `nip` both work.
 */
export function parseCsv(text: string, required: readonly string[]): CsvRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    });
  } catch (e) {
    throw new InvalidInput('CSV_TIDAK_VALID', `Berkas CSV tidak bisa dibaca: ${(e as Error).message}`);
  }
  const first = records[0]?.record ?? {};
  const missing = required.filter((c) => !(c in first));
  if (records.length > 0 && missing.length > 0) {
    throw new InvalidInput('CSV_TIDAK_VALID', `Kolom wajib tidak ada: ${missing.join(', ')}`);
  }
  return records.map(({ record, info }) => ({ line: info.lines, fields: record }));
}
