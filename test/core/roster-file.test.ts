import { describe, expect, it } from 'vitest';
import { kecamatanInAddress, kecamatanName } from '../../functions/core/roster';
import { employeeStatus, fileKind, fullName, inactiveReason, mapFile, obviousOpd, readTable, suggestOpds } from '../../functions/core/roster-file';

const OPDS = [
  { kode: 'dinkes', nama: 'Dinas Kesehatan' },
  { kode: 'diskominfo', nama: 'Dinas Komunikasi, Informatika, Statistik dan Persandian' },
  { kode: 'setda', nama: 'Sekretariat Daerah' },
];

describe('reading a roster file as HR has it', () => {
  it.each([
    ['comma', 'NIP,Nama,OPD\r\n1,A,setda\r\n'],
    ['semicolon', '\uFEFFNIP;Nama;OPD\n1;A;setda\n'],
    ['pipe', 'NIP|Nama|OPD\n1|A|setda\n'],
    ['tab', 'NIP\tNama\tOPD\n1\tA\tsetda\n'],
  ])('splits a %s-separated file', (_, text) => {
    expect(readTable(text).map((r) => r.cells)).toEqual([['NIP', 'Nama', 'OPD'], ['1', 'A', 'setda']]);
  });

  it('finds the header below a title and Excel\'s separator-only lines, and keeps the file\'s line numbers', () => {
    const rows = readTable('DATA PNS PER 24 APRIL 2026;;\r\n;;\r\nNIP BARU;NAMA;UNIT KERJA\r\n\'1990;Budi;DINKES\r\n');
    const file = mapFile(rows, {});
    expect(file.barisJudul).toBe(3);
    expect(file.kolom).toMatchObject({ nip: 'NIP BARU', nama: 'NAMA', opd: 'UNIT KERJA', noHp: null, peran: null });
    expect(file.data.map((r) => [r.line, file.cell(r, 'nip')])).toEqual([[4, "'1990"]]);
  });

  it('matches known Indonesian headers whatever their capitals and punctuation', () => {
    const file = mapFile(readTable('NIP;Nama Lengkap;Jabatan;Kode OPD;Status;No. HP\n1;A;B;setda;PNS;0812\n'), {});
    expect(file.kolom).toMatchObject({ nip: 'NIP', nama: 'Nama Lengkap', jabatan: 'Jabatan', opd: 'Kode OPD', status: 'Status', noHp: 'No. HP' });
    expect(file.kurang).toEqual([]);
  });

  it("prefers the admin's choice, then the saved mapping of this kind of file, then the known names", () => {
    const rows = readTable('NIP,Nama Sesuai SK,Nama,Unit\n1,A,a,setda\n');
    const { jenis } = fileKind(rows[0]!.cells);
    expect(mapFile(rows, {}).kolom.nama).toBe('Nama');
    expect(mapFile(rows, { [jenis]: { nama: 'Nama Sesuai SK' } }).kolom.nama).toBe('Nama Sesuai SK');
    expect(mapFile(rows, { [jenis]: { nama: 'Nama Sesuai SK' } }, { nama: 'Nama' }).kolom.nama).toBe('Nama');
    // A saved column the file no longer has is not used.
    expect(mapFile(rows, { [jenis]: { opd: 'Kode OPD' } }).kolom.opd).toBe(null);
  });

  it('joins SIASN titles, reads PNS/PPPK and the legal status', () => {
    expect(fullName('dr.', 'Irfan Kamaru', 'S.Kep., Ns')).toBe('dr. Irfan Kamaru, S.Kep., Ns');
    expect(fullName('', 'BUDI', ', S.E.')).toBe('BUDI, S.E.');
    expect(fullName('', 'Budi', '')).toBe('Budi');
    expect(['PNS DAERAH KAB/KOTA', 'CPNS', 'PPPK', 'P3K', 'Honorer'].map(employeeStatus)).toEqual(['PNS', 'PNS', 'PPPK', 'PPPK', 'Honorer']);
    expect(['Aktif', 'AKTIF', '', 'Pensiun', 'Meninggal'].map(inactiveReason)).toEqual([undefined, undefined, undefined, 'Pensiun', 'Meninggal']);
  });

  it('finds the kecamatan where the ASN lives: its own column, or the "Kec. …" of SIASN\'s ALAMAT, written one way', () => {
    // Prepare: a SIMPEG export with a kecamatan column; SIASN's ALAMAT; an address that names none.
    const simpeg = mapFile(readTable('NIP;Nama;OPD;Kecamatan Domisili\n1;A;setda;KEC. POSIGADAN\n'), {});
    const siasn = mapFile(readTable('NIP BARU,NAMA,SATUAN KERJA KERJA NAMA,ALAMAT\n1,A,SETDA,"Desa Molibagu, Kec. Bolaang Uki, Kab. Bolaang Mongondow Selatan"\n'), {});
    // Act / Assert
    expect(simpeg.kolom).toMatchObject({ kecamatan: 'Kecamatan Domisili', alamat: null });
    expect(kecamatanName(simpeg.cell(simpeg.data[0]!, 'kecamatan'))).toBe('Posigadan');
    expect(siasn.kolom).toMatchObject({ kecamatan: null, alamat: 'ALAMAT' });
    expect(kecamatanInAddress(siasn.cell(siasn.data[0]!, 'alamat'))).toBe('Bolaang Uki');
    expect(kecamatanInAddress('DESA ADOW KECAMATAN PINOLOSIAN TENGAH KAB. BOLSEL 95774')).toBe('Pinolosian Tengah');
    expect(kecamatanInAddress('Jl. Kecapi No. 3, Kotamobagu')).toBe('');
    expect(['Kecamatan bolaang  uki', 'BOLAANG UKI', 'Kec Bolaang Uki'].map(kecamatanName)).toEqual(['Bolaang Uki', 'Bolaang Uki', 'Bolaang Uki']);
  });

  it('maps a unit value by its code or exact name, and suggests OPDs for a sub-unit by shared words', () => {
    expect(obviousOpd('DINAS KESEHATAN', OPDS)).toBe('dinkes');
    expect(obviousOpd(' Setda ', OPDS)).toBe('setda');
    expect(obviousOpd('Sekretariat Dinas Kesehatan', OPDS)).toBeUndefined();
    expect(suggestOpds('Sekretariat Dinas Kesehatan', OPDS)).toEqual(['dinkes']);
    expect(suggestOpds('DINAS KOMUNIKASI DAN INFORMATIKA', OPDS)).toEqual(['diskominfo']);
    expect(suggestOpds('Dinas', OPDS)).toEqual([]);
  });

  it('tells SIASN\'s export apart from other files, and a set of headers from another', () => {
    expect(fileKind(['PNS ID', 'NIP BARU', 'NAMA', 'KEDUDUKAN HUKUM NAMA']).jenis).toBe('siasn');
    const a = fileKind(['NIP', 'Nama', 'OPD']).jenis;
    expect(fileKind(['nip', 'NAMA', 'opd']).jenis).toBe(a);
    expect(fileKind(['NIP', 'Nama', 'Unit']).jenis).not.toBe(a);
  });

  it('names a file by its first four headers, each cut at 40 characters (the name goes into audit lines)', () => {
    const long = 'Keterangan '.repeat(5_000);
    const { label } = fileKind(['NIP', long, 'Nama', 'OPD', 'Jabatan']);
    expect(label).toBe(`Berkas dengan kolom NIP, ${long.slice(0, 40)}…, Nama, OPD, …`);
  });
});
