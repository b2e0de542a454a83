import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkHolidayRows } from '../../functions/core/calendar';
import { parseCsv } from '../../functions/core/csv';
import { checkAsnRows } from '../../functions/core/roster';

/** HR's exports as they really arrive: the messy fixture files in test/fixtures. */

const today = new Date('2026-11-29T00:00:00Z');
const COLUMNS = ['nip', 'nama', 'jabatan', 'opd', 'status', 'no_hp', 'peran'];
const OPDS = new Set(['setda', 'diskominfo', 'dinkes']);
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const check = (name: string) => checkAsnRows(parseCsv(fixture(name), COLUMNS), OPDS, today);

describe('a roster saved by Excel on an Indonesian-locale PC (BOM, ";", CRLF)', () => {
  const { valid, problems } = check('roster-excel-titik-koma.csv');

  it('starts with a BOM and uses CRLF, as the fixture claims', () => {
    const text = fixture('roster-excel-titik-koma.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(';\r\n');
  });

  it('reads the ";" separator, a NIP forced to text with an apostrophe, and a NIP typed in groups', () => {
    expect(valid.map((a) => a.nip)).toEqual(['199004152025012011', '197702112007041002', '197509282009031007', '198503122010012004']);
  });

  it('keeps a comma inside an unquoted name, trims stray spaces, lower-cases OPD codes, reads the capitals of status and role', () => {
    expect(valid[1]).toMatchObject({ nama: 'HENDRA SOFYAN GONIBALA', jabatan: 'Perencana', opd: 'setda', status: 'PNS', role: 'asn', noHp: '6282220586522' });
    expect(valid[2]).toMatchObject({ nama: 'Sofyan Bonde, S.Pd', opd: 'diskominfo', noHp: '628123142617', role: 'asn' });
  });

  it('skips empty lines and lines of separators only, and refuses the rest with line number and reason', () => {
    expect(problems).toEqual([
      { line: 7, reason: 'NIP rusak oleh lembar kerja (format ilmiah, mis. 1.98503E+17)' },
      { line: 9, reason: 'NIP 198503122010012004 muncul lebih dari sekali' },
      { line: 10, reason: 'OPD "dinas-tak-ada" tidak dikenal' },
      { line: 11, reason: 'tanggal lahir 1990-02-30 pada NIP tidak ada di kalender' },
    ]);
  });
});

describe('a comma-separated export without BOM (quoted fields, header with capitals and spaces, LF)', () => {
  const { valid, problems } = check('roster-koma-kutip.csv');

  it('maps "No HP" to no_hp and reads quoted fields with commas', () => {
    expect(valid.map((a) => [a.nip, a.nama, a.opd, a.noHp])).toEqual([
      ['199004152025012011', 'Fatimah Tuliabu', 'setda', '628959097376'],
      ['196610171993121005', 'Zulkifli Olii, S.Kom., M.T.', 'diskominfo', '6281234567890'],
      ['198206052007082006', 'Fatimah Sartika Ali', 'dinkes', ''],
    ]);
    expect(valid[2]).toMatchObject({ status: 'PPPK', role: 'asn' });
  });

  it('refuses a NIP in scientific notation and a NIP of 17 digits', () => {
    expect(problems).toEqual([
      { line: 4, reason: 'NIP rusak oleh lembar kerja (format ilmiah, mis. 1.98503E+17)' },
      { line: 5, reason: 'NIP harus 18 angka (tertulis 17 karakter)' },
    ]);
  });
});

describe('separator detection', () => {
  it('takes "," when a quoted header cell contains ";"', () => {
    const rows = parseCsv('"nip;x",nama\n1,A\n', ['nama']);
    expect(rows[0]?.fields).toEqual({ 'nip;x': '1', nama: 'A' });
  });

  it('names the missing columns of a ";" file', () => {
    expect(() => parseCsv('nip;nama\n1;A\n', COLUMNS)).toThrow(/jabatan, opd, status, no_hp, peran/);
  });
});

describe('next year\'s holiday list', () => {
  it('reads the format of libur-2026.csv and refuses a date in another format', () => {
    const { valid, problems } = checkHolidayRows(parseCsv(fixture('libur-2027.csv'), ['tanggal', 'jenis', 'keterangan']));

    expect(valid.map((h) => [h.date, h.jenis])).toEqual([
      ['2027-01-01', 'libur_nasional'],
      ['2027-02-06', 'libur_nasional'],
      ['2027-02-08', 'cuti_bersama'],
    ]);
    expect(problems).toEqual([{ line: 5, reason: 'tanggal "01/03/2027" harus berformat YYYY-MM-DD' }]);
  });
});
