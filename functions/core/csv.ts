import { parse } from 'csv-parse/sync';
import type { CsvRow } from './roster';
import { InvalidInput } from './errors';

/**
 * CSV text to rows with their line numbers, via csv-parse (a maintained RFC 4180
 * parser: quoted fields with commas, CRLF, BOM) rather than a hand-written split.
 * Headers are lower-cased with spaces as `_`, so `NIP`, `nip` and `No HP` work. The
 * separator is `;` when the header line has more of them than commas (Excel on an
 * Indonesian-locale PC saves CSV that way), else `,`. Rows that are empty, or only
 * separators (`;;;;`, as spreadsheets leave below the data), are skipped.
 */
export function parseCsv(text: string, required: readonly string[]): CsvRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: separatorOf(text),
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_')),
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
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

/** `;` or `,`, by which occurs more often outside quotes on the header line. */
function separatorOf(text: string): ';' | ',' {
  const header = (/^[^\r\n]*/.exec(text.replace(/^\uFEFF/, ''))?.[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}
