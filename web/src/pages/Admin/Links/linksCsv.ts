import type { LinkCard } from '../../../../../contract';
import { PERAN } from '../ui/labels';

export type Separator = ';' | ',';

const HEADER = ['NIP', 'Nama', 'Jabatan', 'OPD', 'Peran', 'No HP', 'Tautan', 'WhatsApp'];

/**
 * The issued links as a CSV that Excel opens correctly by double-click: UTF-8 with a BOM
 * (names with accents), CRLF, every field quoted. Excel on an Indonesian-locale Windows
 * splits on `;` (its list separator, because `,` is the decimal comma); English-locale
 * Excel splits on `,`. NIP and phone numbers are written as `="…"` so Excel keeps them as
 * text instead of `1,99004E+17`; text that Excel would run as a formula gets a leading `'`.
 *
 * Hand-written because it is this small: csv-stringify's browser build bundles an 80 kB
 * Buffer polyfill.
 */
export function linksCsv(links: readonly LinkCard[], sep: Separator): string {
  const rows = links.map((l) => [
    asText(l.nip),
    cell(l.nama),
    cell(l.jabatan),
    cell(l.opdNama || l.opd),
    cell(PERAN[l.peran] ?? l.peran),
    l.noHp ? asText(l.noHp) : '',
    cell(l.tautan),
    cell(l.waMe ?? ''),
  ]);
  return `\uFEFF${[HEADER, ...rows].map((r) => r.map(quote).join(sep)).join('\r\n')}\r\n`;
}

/** Digits Excel must not turn into a number. */
function asText(digits: string): string {
  return `="${digits}"`;
}

/** Neutralises formula injection (a name starting with `=`, `+`, `-`, `@`). */
function cell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(field: string): string {
  return `"${field.replace(/"/g, '""')}"`;
}
