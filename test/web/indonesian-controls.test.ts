import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayName, formatDate, formatMonth, monthName, parseClock, parseDate, parseMonth } from '../../web/src/lib/date-input';
import { fieldProblem, inSentence } from '../../web/src/lib/form-check';
import { angka } from '../../web/src/lib/number';

/**
 * Issue 14 points 8 and 9: controls and words that speak Indonesian whatever the
 * browser's language. Dates typed and shown as dd/mm/yyyy with the day's name, our own
 * messages instead of the browser's bubbles, one number format, no English left in
 * what the pages say.
 */

describe('dates typed as an Indonesian office writes them', () => {
  it('reads dd/mm/yyyy (day first, with / - or .) and an ISO date pasted in', () => {
    expect(parseDate('30/11/2026')).toEqual({ value: '2026-11-30' });
    expect(parseDate(' 1/2/2026 ')).toEqual({ value: '2026-02-01' });
    expect(parseDate('01-02-2026')).toEqual({ value: '2026-02-01' });
    expect(parseDate('01.02.2026')).toEqual({ value: '2026-02-01' });
    expect(parseDate('2026-11-30')).toEqual({ value: '2026-11-30' });
    expect(parseDate('29/02/2028')).toEqual({ value: '2028-02-29' });
  });

  it('says in Indonesian why a date is not one, or out of bounds', () => {
    expect(parseDate('')).toEqual({ error: 'Isi tanggal, mis. 30/11/2026.' });
    expect(parseDate('11/30/2026').error).toBe('Bulan 30 tidak ada: tulis hari/bulan/tahun, mis. 30/11/2026.');
    expect(parseDate('31/04/2026').error).toBe('Tanggal 31 tidak ada pada bulan 4/2026.');
    expect(parseDate('29/02/2026').error).toBe('Tanggal 29 tidak ada pada bulan 2/2026.');
    expect(parseDate('besok').error).toBe('"besok" bukan tanggal: tulis hari/bulan/tahun, mis. 30/11/2026.');
    expect(parseDate('01/12/2026', { min: '2026-12-02' }).error).toBe('Paling awal 02/12/2026.');
    expect(parseDate('03/12/2026', { max: '2026-12-02' }).error).toBe('Paling akhir 02/12/2026.');
    expect(parseDate('02/12/2026', { min: '2026-12-02', max: '2026-12-02' })).toEqual({ value: '2026-12-02' });
  });

  it('shows a date back as dd/mm/yyyy with its day name, months as mm/yyyy, times as 07.30', () => {
    expect(formatDate('2026-11-30')).toBe('30/11/2026');
    expect(formatDate('')).toBe('');
    expect(dayName('2026-11-30')).toBe('Senin, 30 November 2026');
    expect(dayName('2026-12-06')).toBe('Minggu, 6 Desember 2026');
    expect(formatMonth('2026-11')).toBe('11/2026');
    expect(monthName('2026-11')).toBe('November 2026');
  });

  it('reads months and clock times the same way', () => {
    expect(parseMonth('11/2026')).toEqual({ value: '2026-11' });
    expect(parseMonth('3-2026')).toEqual({ value: '2026-03' });
    expect(parseMonth('2026-11')).toEqual({ value: '2026-11' });
    expect(parseMonth('13/2026').error).toBe('Bulan 13 tidak ada: tulis bulan/tahun, mis. 11/2026.');
    expect(parseMonth('12/2026', { max: '2026-11' }).error).toBe('Paling akhir 11/2026.');
    expect(parseClock('07.30')).toEqual({ value: '07:30' });
    expect(parseClock('7:05')).toEqual({ value: '07:05' });
    expect(parseClock('24.00').error).toBe('Jam 24.00 tidak ada: 00.00 sampai 23.59.');
    expect(parseClock('setengah 8').error).toBe('"setengah 8" bukan jam: tulis jam.menit, mis. 07.30.');
  });
});

describe("a form's rules told in Indonesian, not by the browser's bubble", () => {
  const valid = { valid: true, valueMissing: false, patternMismatch: false, rangeUnderflow: false, rangeOverflow: false, stepMismatch: false, badInput: false, typeMismatch: false, tooShort: false, tooLong: false, customError: false };
  const field = (v: Partial<typeof valid>, extra: Partial<Parameters<typeof fieldProblem>[0]> = {}) => ({
    validity: { ...valid, valid: false, ...v },
    validationMessage: 'Please fill out this field.',
    tagName: 'INPUT',
    type: 'text',
    ...extra,
  });

  it('names the field by its label as it reads inside a sentence', () => {
    expect(inSentence('Keterangan')).toBe('keterangan');
    expect(inSentence('NIP')).toBe('NIP');
    expect(inSentence('  Nama OPD: ')).toBe('nama OPD');
  });

  it('says what is missing or out of range, in Indonesian', () => {
    expect(fieldProblem({ ...field({}), validity: valid }, 'Keterangan')).toBeUndefined();
    expect(fieldProblem(field({ valueMissing: true }), 'Keterangan')).toBe('Isi keterangan.');
    expect(fieldProblem(field({ valueMissing: true }, { tagName: 'SELECT' }), 'OPD')).toBe('Pilih OPD.');
    expect(fieldProblem(field({ rangeOverflow: true }, { type: 'number', max: '120' }), 'Menit')).toBe('Menit paling banyak 120.');
    expect(fieldProblem(field({ rangeUnderflow: true }, { type: 'number', min: '5' }), 'Waktu menjawab (menit)')).toBe('Waktu menjawab (menit) paling sedikit 5.');
    expect(fieldProblem(field({ badInput: true }, { type: 'number' }), 'Menit')).toBe('Menit harus angka.');
    expect(fieldProblem(field({ typeMismatch: true }, { type: 'url' }), 'Tautan apel pagi')).toMatch(/^Tautan apel pagi harus alamat web lengkap/);
    expect(fieldProblem(field({ patternMismatch: true }, { title: 'huruf kecil, angka atau tanda minus' }), 'Kode')).toBe('Kode: huruf kecil, angka atau tanda minus.');
    // Our date field sets its own Indonesian message.
    expect(fieldProblem({ ...field({ customError: true }), validationMessage: 'Tanggal 31 tidak ada pada bulan 4/2026.' }, 'Tanggal')).toBe('Tanggal 31 tidak ada pada bulan 4/2026.');
  });
});

describe('one number format', () => {
  it('writes thousands with a dot and decimals with a comma', () => {
    expect(angka(2199)).toBe('2.199');
    expect(angka(2259)).toBe('2.259');
    expect(angka(61)).toBe('61');
    expect(angka(12.46, 1)).toBe('12,5');
    expect(angka(1234567)).toBe('1.234.567');
  });
});

/** The web app's pages held to it: every page directory, the shared components and lib, the entry. */
const PAGES = ['web/src/components', 'web/src/lib', 'web/src/main.tsx', ...readdirSync('web/src/pages').map((d) => join('web/src/pages', d))];

/** Every .ts/.tsx file under `dir`. */
function sources(dir: string): string[] {
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** What a page shows: JSX text and string literals, without comments, imports, test ids, classes and URL paths. */
function visibleText(code: string): string[] {
  const stripped = code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/^import .*$/gm, '')
    .replace(/(data-testid|testId|testid|class|key|id|href|name|type)=(\{`[^`]*`\}|"[^"]*"|\{'[^']*'\})/g, '');
  const texts: string[] = [];
  for (const m of stripped.matchAll(/>([^<>{}]+)</g)) texts.push(m[1]!);
  for (const m of stripped.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)) texts.push(m[1] ?? m[2] ?? m[3] ?? '');
  // Route keys and API paths are the wire's names, not words a person reads.
  return texts.map((t) => t.trim()).filter((t) => (/\s/.test(t) || /^[A-Z]/.test(t)) && !t.includes('/api/') && !/^(GET|POST|PUT|PATCH|DELETE) \//.test(t));
}

describe('the words of the pages', () => {
  it('use the Indonesian government terms: daftar pegawai, presensi, lembar kerja, apel percobaan', () => {
    // English words, and "absensi" beside presensi (one term per idea).
    const english = /\b(Roster|roster|[Ss]preadsheet|[Cc]heck-?in|Demo|demo|[Aa]bsensi)\b/;
    const found = PAGES.flatMap(sources).flatMap((file) =>
      visibleText(readFileSync(file, 'utf8'))
        .filter((t) => english.test(t))
        .map((t) => `${file}: ${t}`),
    );
    expect(found).toEqual([]);
  });

  it('have no browser-native date, month, time or file control and no form left to the browser to check', () => {
    const found = PAGES.flatMap(sources).flatMap((file) => {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      const native = [...code.matchAll(/type="(date|month|time|datetime-local)"/g)].map((m) => `${file}: type="${m[1]}"`);
      const files = file.endsWith('FileButton.tsx') ? [] : [...code.matchAll(/type="file"/g)].map(() => `${file}: type="file" outside FileButton`);
      const forms = [...code.matchAll(/<form\b(?![^>]*noValidate)/g)].map(() => `${file}: <form> without noValidate`);
      return [...native, ...files, ...forms];
    });
    expect(found).toEqual([]);
  });

  it("and so do the server's messages, exports and terminal lines (Indonesian sentences only: code names stay English)", () => {
    const english = /\b([Cc]heck-?in|[Dd]emo|Roster|roster|[Ss]preadsheet|[Aa]bsensi)\b/;
    const indonesian = /\b(Anda|belum|sudah|yang|dengan|tidak|masih|dari|harus|pada|untuk|dibuka|Contoh|CONTOH)\b/;
    const found = sources('functions').flatMap((file) => {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\$\{[^}]*\}/g, '…');
      return [...code.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)]
        .map((m) => m[1] ?? m[2] ?? m[3] ?? '')
        .filter((t) => !/[;{]\s*\n/.test(t) && indonesian.test(t) && english.test(t.replace(/npm run apel -- [\w-]+|--[\w-]+|tautan-demo\.csv|\.demo\b/g, '')))
        .map((t) => `${file}: ${t}`);
    });
    expect(found).toEqual([]);
  });

  it('hold every page directory, /evaluasi among them', () => {
    expect(PAGES).toEqual(expect.arrayContaining(['web/src/pages/Admin', 'web/src/pages/Checkin', 'web/src/pages/Evaluasi', 'web/src/pages/Pimpinan', 'web/src/pages/Survei']));
  });

  it('write numbers through angka (lib/number.ts), not a formatter of their own', () => {
    const found = PAGES.flatMap(sources)
      .filter((file) => !file.endsWith('lib/number.ts'))
      .flatMap((file) => {
        const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
        return [...code.matchAll(/\.toLocaleString\(|new Intl\.NumberFormat\b|\.toFixed\(/g)].map((m) => `${file}: ${m[0]}`);
      });
    expect(found).toEqual([]);
  });
});
