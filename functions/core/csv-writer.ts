/**
 * The one CSV writer of everything Apel WFA hands out (recaps, links, exports), for Excel
 * on an Indonesian-locale PC opened by double-click: UTF-8 with a BOM (else Excel reads
 * ANSI and breaks names), `;` between fields by default (the id-ID list separator, since
 * `,` is the decimal mark), CRLF, every field quoted.
 *
 * Two things Excel would otherwise do to a cell:
 * - A long number (an 18-digit NIP, a phone number) becomes `1,99004E+17` and loses its
 *   last digits. An `id(…)` cell is written `="199004152025012011"`: Excel id-ID evaluates
 *   that to the text itself, all digits kept, shown without quotes; a leading apostrophe
 *   or tab is not a text marker when Excel *opens* a CSV (the apostrophe stays visible and
 *   a tab is stripped, and the number is still mangled), so neither keeps the digits.
 * - Text starting with `=`, `+`, `-`, `@`, a tab or a CR is run as a formula (CSV
 *   injection): such a cell gets a leading `'`, so it is shown as the text it is.
 *
 * Pure and dependency-free, so the console bundles the same module as the server.
 */

/** A cell Excel must keep as text of digits (NIP, phone). */
export interface IdCell {
  readonly id: string;
}

export type CsvCell = string | number | IdCell | null | undefined;

export type CsvSeparator = ';' | ',';

export const id = (digits: string): IdCell => ({ id: digits });

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell's text, before quoting. */
export function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  // A fraction with the id-ID decimal comma (0,5), which Excel id-ID reads as a number ("0.5" would be text or a date).
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell).replace('.', ',');
  if (typeof cell === 'object') {
    if (cell.id === '') return '';
    // Only digits (and a leading +) may go inside the formula; anything else is plain text.
    // Digits, or a phone as the product writes it (`+62 812-3456-7890`): nothing Excel could run.
    return /^\+?\d[\d -]*$/.test(cell.id) ? `="${cell.id}"` : neutralise(cell.id);
  }
  return neutralise(cell);
}

/** Text that Excel would run as a formula gets a leading apostrophe. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const quote = (field: string) => `"${field.replace(/"/g, '""')}"`;

/** Lines of a CSV without the BOM (to append to a file already started). */
export function csvLines(rows: readonly (readonly CsvCell[])[], sep: CsvSeparator = ';'): string {
  return rows.map((r) => `${r.map((c) => quote(cellText(c))).join(sep)}\r\n`).join('');
}

/** A whole CSV file: BOM, header, rows. */
export function csvFile(header: readonly string[], rows: readonly (readonly CsvCell[])[], sep: CsvSeparator = ';'): string {
  return `\uFEFF${csvLines([header, ...rows], sep)}`;
}
