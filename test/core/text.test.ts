import { describe, expect, it } from 'vitest';
import { cleanText, textProblem } from '../../functions/core/text';

describe('free text', () => {
  it.each([
    ['U+202E right-to-left override', 'Budi\u202ESantoso', 'U+202E'],
    ['U+202A left-to-right embedding', '\u202Aabc', 'U+202A'],
    ['U+2066 isolate', 'abc\u2066', 'U+2066'],
    ['U+200F right-to-left mark', 'a\u200Fb', 'U+200F'],
    ['NUL', 'a\u0000b', 'U+0000'],
    ['DEL', 'a\u007Fb', 'U+007F'],
    ['a C1 control', 'a\u0085b', 'U+0085'],
    ['a lone high surrogate', 'a\uD83Db', 'U+D83D'],
    ['a lone low surrogate', 'a\uDE00b', 'U+DE00'],
    ['a noncharacter', 'a\uFFFFb', 'U+FFFF'],
  ])('refuses %s, naming the character', (_, value, code) => {
    expect(textProblem(value)).toContain(code);
  });

  it.each([
    ['Indonesian names and punctuation', "Drs. Hj. Siti Nur'aini, M.Si."],
    ['tab and line breaks in a note', 'Rencana:\n\t1. rapat\r\n2. laporan'],
    ['accents and other scripts', 'José Ñuñez — 日本 — مرحبا'],
    ['emoji, whole surrogate pairs and joined sequences', 'Siap 👍 👨\u200D👩\u200D👧'],
  ])('accepts %s', (_, value) => {
    expect(textProblem(value)).toBeUndefined();
  });

  it('normalises to NFC and removes invisible characters; the zero-width joiner only from one-line fields', () => {
    const pasted = '\uFEFFNu\u200Brul\u00AD Hasana\u0308h\u2060 \u{1F468}\u200D\u{1F469}';

    expect(cleanText(pasted, 'line')).toBe('Nurul Hasanäh \u{1F468}\u{1F469}');
    expect(cleanText(pasted, 'note')).toBe('Nurul Hasanäh \u{1F468}\u200D\u{1F469}');
    expect(cleanText('e\u0301', 'line')).toBe('\u00E9');
  });
});
