import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../functions/core/csv';
import { InvalidInput } from '../../functions/core/errors';
import { nipProblem } from '../../functions/core/nip';
import { formatPhone } from '../../functions/core/phone';
import { checkAsnRows, checkOpdRows, normalisePhone } from '../../functions/core/roster';

const today = new Date('2026-11-29T00:00:00Z');

describe('NIP validation', () => {
  it('accepts a plausible NIP of a PNS and of a PPPK', () => {
    expect(nipProblem('199004152025012011', today)).toBeUndefined();
    expect(nipProblem('198206052007082006', today)).toBeUndefined();
  });

  it.each([
    ['19900415202501201', /18 angka/],
    ['1990041520250120111', /18 angka/],
    ['1.98503E+17', /format ilmiah/],
    ['19900415202501201A', /18 angka/],
    ['199002302025012011', /tanggal lahir 1990-02-30/],
    ['193004152025012011', /tahun lahir 1930/],
    ['201504152025012011', /tahun lahir 2015/],
    ['199004152025002011', /bulan pengangkatan 00/],
    ['199004152025132011', /bulan pengangkatan 13/],
    ['199004152000012011', /terlalu dekat/],
    ['199004152029012011', /masa depan/],
    ['199004152025013011', /jenis kelamin/],
    ['199004152025012000', /000/],
  ])('refuses %s', (nip, reason) => {
    expect(nipProblem(nip, today)).toMatch(reason);
  });
});

describe('roster rows', () => {
  it('reads quoted fields with commas, CRLF, a BOM and upper-case headers', () => {
    const text = '\uFEFFKODE,Nama,WFA\r\nsetda,"Sekretariat Daerah, Bolsel",ya\r\n\r\nDinkes , Dinas Kesehatan ,TIDAK\r\n';
    const checked = checkOpdRows(parseCsv(text, ['kode', 'nama', 'wfa']));
    expect(checked.problems).toEqual([]);
    expect(checked.valid).toEqual([
      { kode: 'setda', nama: 'Sekretariat Daerah, Bolsel', wfa: true },
      { kode: 'dinkes', nama: 'Dinas Kesehatan', wfa: false },
    ]);
  });

  it('names the missing columns of a file in the wrong format', () => {
    expect(() => parseCsv('nip,nama\n199004152025012011,A\n', ['nip', 'nama', 'opd'])).toThrow(InvalidInput);
    expect(() => parseCsv('nip,nama\n199004152025012011,A\n', ['nip', 'nama', 'opd'])).toThrow(/opd/);
  });

  it('reports invalid OPD rows with their line numbers', () => {
    const text = 'kode,nama,wfa\nsetda,Sekretariat Daerah,ya\nSET DA,Nama,ya\nbpbd,Badan Penanggulangan Bencana Daerah,mungkin\nsetda,Lagi,ya\n';
    expect(checkOpdRows(parseCsv(text, ['kode', 'nama', 'wfa'])).problems).toEqual([
      { line: 3, reason: expect.stringContaining('kode OPD "set da"') },
      { line: 4, reason: 'kolom wfa harus "ya" atau "tidak" (tertulis "mungkin")' },
      { line: 5, reason: 'kode OPD setda muncul lebih dari sekali' },
    ]);
  });

  it('normalises NIPs written with spaces and phone numbers to 62…', () => {
    const text = 'nip,nama,jabatan,opd,status,no_hp,peran\n19900415 202501 2 011,  Fatimah   Tuliabu ,Sekda,SETDA,pns,+62 812-3456-7890,PIMPINAN\n';
    const { valid, problems } = checkAsnRows(parseCsv(text, ['nip']), new Set(['setda']), today);
    expect(problems).toEqual([]);
    expect(valid[0]).toMatchObject({ nip: '199004152025012011', nama: 'Fatimah Tuliabu', opd: 'setda', status: 'PNS', noHp: '6281234567890', role: 'pimpinan' });
  });

  it('recognises Indonesian mobile numbers only', () => {
    expect(normalisePhone('08959097376')).toBe('628959097376');
    expect(normalisePhone('628123142617')).toBe('628123142617');
    expect(normalisePhone('0431-123456')).toBeUndefined();
    expect(normalisePhone('12345')).toBeUndefined();
  });

  it('shows a phone in one form everywhere (list, form, CSV) and reads that form back as stored', () => {
    expect(formatPhone('6282123456789')).toBe('+62 821-2345-6789');
    expect(formatPhone('6281234567890')).toBe('+62 812-3456-7890');
    expect(formatPhone('628123456789')).toBe('+62 812-3456-789');
    expect(formatPhone('62812345678')).toBe('+62 812-345-678');
    expect(formatPhone('')).toBe('');
    for (const stored of ['6282123456789', '628123456789', '62812345678']) expect(normalisePhone(formatPhone(stored))).toBe(stored);
  });
});
