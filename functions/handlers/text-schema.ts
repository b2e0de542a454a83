import * as z from 'zod/mini';
import type { TextKind } from '../core/text';
import { cleanText, textProblem } from '../core/text';

/**
 * A free-text field of a request body (a note, a work plan or output, a reason): refused
 * when it holds a hidden character, else NFC without invisible characters (core/text.ts),
 * trimmed, and between `min` and `max` characters. Names and other roster columns are
 * checked by the roster rows instead (core/roster.ts), with the same rule.
 */
export function freeText(kind: TextKind, max: number, min = 0) {
  return z.string({ error: 'harus teks' }).check(
    z.refine((value) => textProblem(value) === undefined, { error: (issue) => textProblem(String(issue.input)) ?? 'tidak valid', abort: true }),
    z.overwrite((value) => cleanText(value, kind).trim()),
    ...(min > 0 ? [z.minLength(min, `paling sedikit ${min} karakter`)] : []),
    z.maxLength(max, `paling banyak ${max} karakter`),
  );
}
