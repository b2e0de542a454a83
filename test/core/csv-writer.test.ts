import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cellText, csvFile, id } from '../../functions/core/csv-writer';
import { recapsCsv } from '../../functions/usecases/opd/recaps';
import { linksCsv } from '../../web/src/pages/Admin/Links/linksCsv';

describe('the one CSV writer', () => {
  it('writes an 18-digit NIP as ="…" so that Excel keeps every digit', () => {
    expect(cellText(id('199004152025012011'))).toBe('="199004152025012011"');
    expect(cellText(id('6281234567890'))).toBe('="6281234567890"');
    expect(cellText(id(''))).toBe('');
  });

  it('neutralises every cell Excel would run as a formula: =, +, -, @, tab, CR at the start', () => {
    for (const bad of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(cellText(bad)).toBe(`'${bad}`);
    }
    expect(cellText('Budi - Kabid')).toBe('Budi - Kabid');
    // An id cell that is not digits is only text, neutralised like any other.
    expect(cellText(id('=1+1'))).toBe("'=1+1");
  });

  it('writes a BOM, quoted fields, ; by default and CRLF; a reader gets the text back', () => {
    const text = csvFile(['NIP', 'Nama'], [[id('199004152025012011'), 'Andi "Ucok", S.Kom']]);
    expect(text).toBe('\uFEFF"NIP";"Nama"\r\n"=""199004152025012011""";"Andi ""Ucok"", S.Kom"\r\n');
    expect(parse(text, { bom: true, delimiter: ';' })).toEqual([['NIP', 'Nama'], ['="199004152025012011"', 'Andi "Ucok", S.Kom']]);
  });

  it("is what the heads' recap CSV and the console's links CSV write", () => {
    const recap = recapsCsv({
      opd: { kode: 'setda', nama: 'Sekretariat Daerah', wfa: true },
      dari: '2026-11-30',
      sampai: '2026-11-30',
      sesi: [],
      asn: [{ nip: '199004152025012011', nama: '=cmd|calc', jabatan: '-', kode: {}, jumlah: { H: 1, TL: 0, TK: 0, I: 0, S: 0, C: 0, DL: 0, TB: 0, DB: 0 }, alasan: {} }],
    });
    expect(recap).toContain(`"=""199004152025012011""";"'=cmd|calc";"'-";"1"`);
    const links = linksCsv(
      [{ nip: '199004152025012011', nama: '@Budi', jabatan: '', opd: 'setda', opdNama: 'Setda', peran: 'asn', noHp: '6281234567890', tautan: 'https://x/#t=a', waMe: null }],
      ',',
    );
    expect(links).toContain('"=""199004152025012011""","\'@Budi","","Setda","ASN","=""+62 812-3456-7890""","https://x/#t=a",""\r\n');
  });
});
