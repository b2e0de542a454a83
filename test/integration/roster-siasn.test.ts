import { readFileSync } from 'node:fs';
import { utils, write } from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../functions/core/access';
import type { Asn } from '../../functions/core/roster';
import { handler as admin } from '../../functions/handlers/admin-api';
import { issueLink } from '../../functions/store/link-store';
import { importAsns } from '../../functions/store/roster-store';
import { importOpdCsv } from '../../functions/usecases/admin/opds';
import { commitImport, previewImport } from '../../functions/usecases/admin/roster-import';
import { readWorkbook } from '../../web/src/pages/Admin/Roster/spreadsheet';
import { auditOf } from '../support/admin';
import { allItems, freshTables } from '../support/db';
import { call } from '../support/events';
import type { DemoAsn, SiasnPerson } from '../support/siasn';
import { asSiasn, demoAsn, demoOpdNames, SIASN_COLUMNS, siasnCells, siasnCsv } from '../support/siasn';

/**
 * The roster from BKN's SIASN export and other real spreadsheets (issue 11): generated from
 * the demo roster with the quirks of real files; counts and reasons exactly; a second import
 * changes nothing. Against DynamoDB Local; the date is fixed (the NIP rules read the year).
 */

const NOW = new Date('2026-12-02T02:00:00Z');
const OPDS = ['setda', 'dinkes', 'diskominfo'];
const KOMINFO_UNIT = 'DINAS KOMUNIKASI DAN INFORMATIKA';

const names = demoOpdNames();
const demo = demoAsn();
const of = (opd: string) => demo.filter((a) => a.opd === opd).slice(0, 10);
const [setda, dinkes, kominfo] = OPDS.map(of) as [DemoAsn[], DemoAsn[], DemoAsn[]];
const toAsn = (a: DemoAsn): Asn => ({
  nip: a.nip,
  nama: a.nama,
  jabatan: a.jabatan,
  opd: a.opd,
  status: a.status as Asn['status'],
  noHp: a.no_hp ? `62${a.no_hp.slice(1)}` : '',
  role: a.peran as Asn['role'],
  active: true,
});
const ADMIN: Asn = { ...toAsn(setda[3]!), role: 'admin' };
const WHO: Principal = { nip: ADMIN.nip, role: 'admin', opd: ADMIN.opd };
const HIRES: SiasnPerson[] = [
  { nip: '199501012020122001', nama: 'Rahmawati Mokodompit, S.Kep', jabatan: 'Perawat', status: 'PPPK', noHp: '081234500001', satker: 'DINAS KESEHATAN', unor: 'UPTD PUSKESMAS MOLIBAGU' },
  { nip: '199607152021031003', nama: 'dr. Arif Paputungan', jabatan: 'Dokter Ahli Pertama', status: 'PNS', noHp: '', satker: 'DINAS KESEHATAN', unor: 'Sekretariat Dinas Kesehatan' },
];

/** The file: setda[0] moved to Dinas Kesehatan, setda[1] retired, setda[9] gone; dinkes[2] dead; two new hires. */
function people(): SiasnPerson[] {
  return [
    ...setda.flatMap((a, i) =>
      i === 9 ? [] : [asSiasn(a, names, i === 0 ? { satker: 'DINAS KESEHATAN', unor: 'Bidang Pelayanan Kesehatan' } : i === 1 ? { kedudukan: 'Pensiun' } : {})],
    ),
    ...dinkes.map((a, i) => asSiasn(a, names, { unor: 'Sekretariat Dinas Kesehatan', ...(i === 2 ? { kedudukan: 'Meninggal' } : {}) })),
    ...kominfo.map((a) => asSiasn(a, names, { satker: KOMINFO_UNIT })),
    ...HIRES,
  ];
}

const snapshot = async () => ({ roster: await allItems('roster'), links: await allItems('links'), records: await allItems('records') });
let adminToken: string;

beforeAll(async () => {
  await freshTables();
  await importOpdCsv(WHO, readFileSync(new URL('../../demo-data/opd.csv', import.meta.url), 'utf8'), NOW);
  await importAsns([...setda, ...dinkes, ...kominfo].map((a) => (a.nip === ADMIN.nip ? ADMIN : toAsn(a))));
  adminToken = await issueLink(ADMIN);
});

describe('SIASN "Export Data ASN"', () => {
  it('reads a comma file with 64 columns: titles joined, retirees proposed with their reason, an unmapped unit holding back only its rows', async () => {
    const before = await snapshot();
    const csv = siasnCsv(people(), ',');

    const p = await previewImport(csv, NOW);

    expect(p.berkas).toMatchObject({
      jenis: 'siasn',
      barisJudul: 1,
      kurang: [],
      kolom: {
        nip: 'NIP BARU',
        nama: 'NAMA',
        gelarDepan: 'GELAR DEPAN',
        gelarBelakang: 'GELAR BELAKANG',
        jabatan: 'JABATAN NAMA',
        opd: 'SATUAN KERJA KERJA NAMA',
        status: 'JENIS PEGAWAI NAMA',
        noHp: 'NOMOR HP',
        peran: null,
        kedudukan: 'KEDUDUKAN HUKUM NAMA',
      },
    });
    expect(p.berkas.judul).toEqual([...SIASN_COLUMNS]);
    expect(p.total).toBe(31);
    expect(p.counts).toEqual({ baru: 2, berubah: 1, tetap: 16, pindah: 1, aktifKembali: 0, missing: 3, ditahan: 10, tidakAktif: 2 });
    expect(p.valid).toBe(19);
    expect(p.problems).toHaveLength(10);
    expect(new Set(p.problems.map((x) => x.reason))).toEqual(new Set([`OPD "${KOMINFO_UNIT.toLowerCase()}" tidak dikenal`]));
    expect(p.unit).toEqual([
      { nilai: KOMINFO_UNIT, baris: 10, opd: null, sumber: null, saran: ['diskominfo'] },
      { nilai: 'DINAS KESEHATAN', baris: 12, opd: 'dinkes', sumber: 'otomatis', saran: [] },
      { nilai: 'SEKRETARIAT DAERAH', baris: 7, opd: 'setda', sumber: 'otomatis', saran: [] },
    ]);
    expect(p.pindah).toEqual([{ nip: setda[0]!.nip, nama: setda[0]!.nama, dari: 'setda', ke: 'dinkes' }]);
    // GELAR DEPAN + NAMA + GELAR BELAKANG; JENIS PEGAWAI NAMA gives PNS / PPPK; no phone is empty.
    expect(p.baru).toEqual([
      { nip: HIRES[0]!.nip, nama: 'Rahmawati Mokodompit, S.Kep', jabatan: 'Perawat', opd: 'dinkes', status: 'PPPK', noHp: '6281234500001', peran: 'asn', aktif: true },
      // A new hire's name as the file writes it (capitals included).
      { nip: HIRES[1]!.nip, nama: 'dr. ARIF PAPUTUNGAN', jabatan: 'Dokter Ahli Pertama', opd: 'dinkes', status: 'PNS', noHp: '', peran: 'asn', aktif: true },
    ]);
    const retired = (a: DemoAsn, alasan: string) => ({ nip: a.nip, nama: a.nama, opd: a.opd, alasan });
    expect(p.missing).toEqual(
      expect.arrayContaining([retired(setda[1]!, 'Pensiun'), retired(dinkes[2]!, 'Meninggal'), { nip: setda[9]!.nip, nama: setda[9]!.nama, opd: 'setda' }]),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('maps the unit once, imports, saves the mapping with its audit line, and a second import (pipe, title above the header) changes nothing', async () => {
    const pemetaan = { opd: { [KOMINFO_UNIT]: 'diskominfo' } };
    const mapped = await previewImport(siasnCsv(people(), ','), NOW, pemetaan);
    expect(mapped.counts).toMatchObject({ ditahan: 0, baru: 2, berubah: 1, tetap: 26, missing: 3, tidakAktif: 2 });
    expect(mapped.problems).toEqual([]);
    expect(mapped.unit.find((u) => u.nilai === KOMINFO_UNIT)).toMatchObject({ nilai: KOMINFO_UNIT, opd: 'diskominfo', sumber: 'pilihan' });

    const done = await commitImport(WHO, siasnCsv(people(), ','), [setda[1]!.nip, dinkes[2]!.nip], NOW, pemetaan);
    expect(done.nonaktif).toEqual([setda[1]!.nip, dinkes[2]!.nip]);
    expect(await auditOf('roster.pemetaan')).toEqual([
      expect.objectContaining({ actor: WHO, target: 'pemetaan:siasn', after: { opd: [{ nilai: KOMINFO_UNIT, opd: 'diskominfo' }] } }),
    ]);

    const before = await snapshot();
    const pipe = siasnCsv(people(), '|', 'DATA PNS PEMERINTAH KABUPATEN BOLAANG MONGONDOW SELATAN PER 24 APRIL 2026');
    const again = await commitImport(WHO, pipe, [], NOW);
    expect(again.berkas.barisJudul).toBe(2);
    expect(again.counts).toEqual({ baru: 0, berubah: 0, tetap: 29, pindah: 0, aktifKembali: 0, missing: 1, ditahan: 0, tidakAktif: 2 });
    expect(again.unit.find((u) => u.nilai === KOMINFO_UNIT)).toMatchObject({ opd: 'diskominfo', sumber: 'tersimpan' });
    expect(await snapshot()).toEqual(before);
    expect(await auditOf('roster.pemetaan')).toHaveLength(1);
  });

  it('reads an .xlsx written by SheetJS (title row, apostrophe text NIPs, serial dates) through the console\'s converter', async () => {
    const rows = [['Data PNS 24 April 2026'], [], [...SIASN_COLUMNS], ...people().map((p, i) => siasnCells(p, i).map((c, j) => (SIASN_COLUMNS[j] === 'TANGGAL LAHIR' ? Number(c) : c)))];
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet([['catatan']]), 'Petunjuk');
    utils.book_append_sheet(book, utils.aoa_to_sheet(rows), 'Data PNS');
    const bytes = write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;

    const wb = readWorkbook(bytes);
    expect(wb.sheets).toEqual(['Petunjuk', 'Data PNS']);
    const p = await previewImport(wb.csv('Data PNS'), NOW);

    expect(p.berkas).toMatchObject({ jenis: 'siasn', barisJudul: 2 });
    expect(p.counts).toEqual({ baru: 0, berubah: 0, tetap: 29, pindah: 0, aktifKembali: 0, missing: 1, ditahan: 0, tidakAktif: 2 });
    expect(() => readWorkbook(new TextEncoder().encode('%PDF-1.7 not a workbook'))).toThrow(/tidak bisa dibaca sebagai lembar kerja/);
  });
});

describe('any spreadsheet: column mapping', () => {
  it("matches the headers of an Indonesian Excel export (the issue's file) by themselves, role and phone optional", async () => {
    const a = setda[4]!;
    const csv = `NIP;Nama Lengkap;Jabatan;Kode OPD;Status\r\n'${a.nip};${a.nama.toUpperCase()};${a.jabatan};${a.opd.toUpperCase()};${a.status}\r\n`;
    const p = await previewImport(csv, NOW);
    expect(p.berkas.kolom).toMatchObject({ nip: 'NIP', nama: 'Nama Lengkap', jabatan: 'Jabatan', opd: 'Kode OPD', status: 'Status', noHp: null, peran: null });
    // No phone column keeps the phone the roster has; no role column keeps the role.
    expect(p.counts).toMatchObject({ tetap: 1, berubah: 0, baru: 0 });
  });

  it('asks for a column it cannot match, takes the choice, and offers it again for the same kind of file', async () => {
    const a = kominfo[5]!;
    const csv = `No,NIP,Nama Pegawai Beserta Gelar,Unit Kerja,No. HP\r\n1,${a.nip},"${a.nama}","${names.get(a.opd)}",${a.no_hp}\r\n`;
    const first = await previewImport(csv, NOW);
    expect(first.berkas).toMatchObject({ kurang: ['nama'], kolom: { nip: 'NIP', nama: null, opd: 'Unit Kerja', noHp: 'No. HP' } });
    expect(first.berkas.judul).toEqual(['No', 'NIP', 'Nama Pegawai Beserta Gelar', 'Unit Kerja', 'No. HP']);
    expect(first.counts.tetap).toBe(0);
    await expect(commitImport(WHO, csv, [], NOW)).rejects.toThrow(/Pilih kolom untuk: nama\. Judul kolom di berkas: No, NIP, Nama Pegawai Beserta Gelar/);

    const pemetaan = { kolom: { nama: 'Nama Pegawai Beserta Gelar' } };
    const done = await commitImport(WHO, csv, [], NOW, pemetaan);
    expect(done.counts).toMatchObject({ tetap: 1, ditahan: 0 });

    const next = await previewImport(csv, NOW);
    expect(next.berkas).toMatchObject({ kurang: [], kolom: { nama: 'Nama Pegawai Beserta Gelar' } });
  });
});

describe('bad files: a clear Indonesian message, nothing written', () => {
  const HEADER_ONLY = `${SIASN_COLUMNS.join(',')}\r\n`;
  it.each([
    ['an empty file', ' \r\n', 'BERKAS_KOSONG', /Berkas kosong/],
    ['a binary that is not a spreadsheet', 'PK\u0003\u0004\u0014\u0000\u0006\u0000binary', 'BERKAS_BUKAN_TABEL', /bukan CSV atau lembar kerja/],
    ['a PDF', '%PDF-1.7\n%âãÏÓ\n1 0 obj', 'BERKAS_BUKAN_TABEL', /bukan CSV atau lembar kerja/],
    ['a header-only file', HEADER_ONLY, 'CSV_TIDAK_VALID', /tidak berisi baris data/],
    ['a file with no NIP column', 'Nama,Unit\r\nBudi,Setda\r\n', 'KOLOM_NIP_TIDAK_ADA', /Kolom NIP tidak ditemukan.*"Nama", "Unit"/],
  ])('refuses %s with 400', async (_, csv, code, message) => {
    const before = await snapshot();
    const res = await call(admin, { method: 'POST', path: '/api/admin/roster/impor', token: adminToken, body: { csv } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file over the limit with 413, in Indonesian', async () => {
    const before = await snapshot();
    const res = await call(admin, { method: 'POST', path: '/api/admin/roster/pratinjau', token: adminToken, body: { csv: 'x'.repeat(5 * 1024 * 1024 + 1) } });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/terlalu besar/);
    expect(await snapshot()).toEqual(before);
  });

  it('takes the mapping through the API (schema) and answers the preview', async () => {
    const res = await call(admin, {
      method: 'POST',
      path: '/api/admin/roster/pratinjau',
      token: adminToken,
      body: { csv: siasnCsv(people(), ','), pemetaan: { kolom: { peran: null }, opd: { [KOMINFO_UNIT]: 'diskominfo' } } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.berkas.jenis).toBe('siasn');
  });
});

describe('after the import', () => {
  it("issues the new ASN's links in one step (a list of NIPs), leaving out whoever is not active", async () => {
    const res = await call(admin, {
      method: 'POST',
      path: '/api/admin/tautan',
      token: adminToken,
      body: { cakupan: { nips: [HIRES[0]!.nip, HIRES[1]!.nip, setda[1]!.nip] }, aksi: 'terbitkan' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.jumlah).toBe(2);
    expect(res.body.tautan.map((l: { nip: string }) => l.nip).sort()).toEqual([HIRES[0]!.nip, HIRES[1]!.nip].sort());
    expect(await auditOf('tautan.terbitkan')).toEqual([expect.objectContaining({ target: 'daftar', after: { jumlah: 2, nip: expect.any(Array) } })]);
  });
});
