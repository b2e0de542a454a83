/**
 * Free text that people type or paste (names, jabatan, OPD names, notes, work plans and
 * outputs, reasons): one rule for the API's schemas and the CSV rows of an import.
 *
 * - Refused, with a message naming the character: control characters (NUL, ESC, DEL, C1;
 *   tab and line breaks are whitespace and allowed), the characters that set the direction
 *   of text (U+202A–U+202E overrides and embeddings, U+2066–U+2069 isolates, the LRM, RLM
 *   and ALM marks), which make `Budi` display as something else, lone surrogates (broken
 *   UTF-16) and the noncharacters U+FFFE/U+FFFF. They never belong in a name or a note,
 *   so refusing tells the sender something is wrong with what they pasted.
 * - Removed: invisible characters that change nothing a reader sees — zero-width space
 *   U+200B, word joiner U+2060, BOM U+FEFF, soft hyphen U+00AD — which come along when
 *   text is copied from WhatsApp, Word or a web page. In a one-line field (a name, a
 *   jabatan, an OPD name) the zero-width joiner and non-joiner U+200D/U+200C are removed
 *   too: a Latin name has no use for them, and two names that look the same then are the
 *   same. In a note (`note`), they are kept: they join emoji (👨‍👩‍👧) typed on a phone.
 * - Normalised to NFC, so `é` typed as e + accent equals the precomposed `é`.
 */

export type TextKind = 'line' | 'note';

const REFUSED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|\p{Cs}/u;
const INVISIBLE = { line: /[\u00AD\u200B-\u200D\u2060\uFEFF]/g, note: /[\u00AD\u200B\u2060\uFEFF]/g } as const;

function describe(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (cp >= 0xd800 && cp <= 0xdfff) return `${hex}, karakter rusak`;
  if (cp <= 0x9f) return `${hex}, karakter kendali`;
  if (cp === 0xfffe || cp === 0xffff) return `${hex}, bukan karakter teks`;
  return `${hex}, pengatur arah teks yang bisa membuat tulisan tampil terbalik`;
}

/** Why `value` is refused (in Indonesian, without the field name), or undefined when it is acceptable. */
export function textProblem(value: string): string | undefined {
  const found = REFUSED.exec(value)?.[0];
  return found === undefined
    ? undefined
    : `berisi karakter tersembunyi yang tidak diizinkan (${describe(found)}); ketik ulang teks ini tanpa menempelnya dari sumber lain`;
}

/** `value` in NFC without the invisible characters of its kind (see above); check `textProblem` first. */
export function cleanText(value: string, kind: TextKind): string {
  return value.replace(INVISIBLE[kind], '').normalize('NFC');
}
