import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importRosterFiles } from '../../functions/cli/roster-import';
import { auditEntry } from '../../functions/core/audit';
import { hashToken } from '../../functions/core/token';
import { handler as admin } from '../../functions/handlers/admin-api';
import { handler as me } from '../../functions/handlers/me';
import { writeAudited } from '../../functions/store/audit-store';
import { findLink } from '../../functions/store/link-store';
import { putAsn, readAsn } from '../../functions/store/roster-admin-store';
import { getAsn, importAsns } from '../../functions/store/roster-store';
import { ADMIN, auditOf, seedWithAdmin } from '../support/admin';
import { allItems } from '../support/db';
import { call } from '../support/events';
import { ASNS } from '../support/roster';

/** The roster from the admin console: import with preview, and by hand. Against DynamoDB Local. */

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const HEADER = 'nip,nama,jabatan,opd,status,no_hp,peran';

let tokens: Map<string, string>;
let adminToken: string;
const asAdmin = (method: string, path: string, body?: unknown) => call(admin, { method, path, token: adminToken, body });
const tokenOf = (nip: string) => tokens.get(nip)!;
const linkOf = (nip: string) => findLink(hashToken(tokenOf(nip)));
const snapshot = async () => ({ roster: await allItems('roster'), links: await allItems('links'), audit: await allItems('audit') });

beforeAll(async () => {
  ({ tokens, adminToken } = await seedWithAdmin());
});

describe('roster import: preview', () => {
  it('shows every change, problem and missing person of a messy Excel file, and writes nothing', async () => {
    const before = await snapshot();

    const res = await asAdmin('POST', '/api/admin/roster/pratinjau', { csv: fixture('roster-excel-titik-koma.csv') });

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      total: 8,
      valid: 4,
      counts: { baru: 1, berubah: 3, tetap: 0, pindah: 1, aktifKembali: 0, missing: 3 },
      pindah: [{ nip: '197509282009031007', nama: 'Sofyan Bonde, S.Pd', dari: 'setda', ke: 'diskominfo' }],
    });
    expect(res.body.problems.map((p: { line: number }) => p.line)).toEqual([7, 9, 10, 11]);
    expect(res.body.baru).toEqual([
      { nip: '198503122010012004', nama: 'Ani Paputungan', jabatan: 'Pelaksana', opd: 'dinkes', status: 'PPPK', noHp: '6281355501234', peran: 'asn', aktif: true },
    ]);
    // HR's export writes the name in capitals: not a change of name.
    const hendra = res.body.berubah.find((c: { sesudah: { nip: string } }) => c.sesudah.nip === ASNS[1]!.nip);
    expect(hendra).toMatchObject({ kolom: ['jabatan', 'noHp'], sesudah: { nama: 'Hendra Sofyan Gonibala', jabatan: 'Perencana' } });
    expect(res.body.missing).toEqual([
      { nip: '198206052007082006', nama: 'Fatimah Sartika Ali', opd: 'dinkes' },
      { nip: '196610171993121005', nama: 'Zulkifli Olii', opd: 'diskominfo' },
      { nip: ADMIN.nip, nama: 'Admin BKPSDM', opd: 'setda' },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['a file without a NIP column', { csv: 'nama,opd\nA,setda\n' }, 'KOLOM_NIP_TIDAK_ADA', /Kolom NIP tidak ditemukan .* Judul kolom yang ditemukan: "nama", "opd"\./],
    ['a header without rows', { csv: `${HEADER}\n` }, 'CSV_TIDAK_VALID', /tidak berisi baris data/],
    ['no csv at all', { berkas: 'x' }, 'INPUT_TIDAK_VALID', /csv/],
  ])('refuses %s with 400 and writes nothing', async (_name, body, code, message) => {
    const before = await snapshot();

    const res = await asAdmin('POST', '/api/admin/roster/pratinjau', body);

    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(await snapshot()).toEqual(before);
  });
});

describe('roster import: commit', () => {
  it('refuses to deactivate someone who is in the file, and writes nothing', async () => {
    const before = await snapshot();

    const res = await asAdmin('POST', '/api/admin/roster/impor', { csv: fixture('roster-excel-titik-koma.csv'), nonaktifkan: [ASNS[0]!.nip] });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(ASNS[0]!.nip);
    expect(await snapshot()).toEqual(before);
  });

  it('writes new and changed rows, moves the link of whoever moved, deactivates only the chosen, keeps them on file', async () => {
    const leaver = ASNS[4]!; // Fatimah Sartika Ali, dinkes: missing from the file

    const res = await asAdmin('POST', '/api/admin/roster/impor', { csv: fixture('roster-excel-titik-koma.csv'), nonaktifkan: [leaver.nip] });

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ counts: { baru: 1, berubah: 3, missing: 3 }, nonaktif: [leaver.nip], tautanDicabut: 1 });
    expect(await getAsn('198503122010012004')).toMatchObject({ nama: 'Ani Paputungan', opd: 'dinkes', active: true });
    expect(await getAsn(ASNS[1]!.nip)).toMatchObject({ nama: 'Hendra Sofyan Gonibala', jabatan: 'Perencana' });
    expect(await linkOf(ASNS[2]!.nip)).toMatchObject({ opd: 'diskominfo' }); // Sofyan moved
    expect(await linkOf(leaver.nip)).toBeUndefined();
    expect(await getAsn(leaver.nip)).toMatchObject({ active: false, opd: 'dinkes' });
    expect(await getAsn(ASNS[3]!.nip)).toMatchObject({ active: true }); // missing, not chosen
    const [line] = await auditOf('roster.impor');
    expect(line).toMatchObject({
      actor: { nip: ADMIN.nip, role: 'admin' },
      target: 'roster',
      after: {
        counts: { baru: 1, berubah: 3, pindah: 1, ditolak: 4, nonaktif: 1 },
        baru: ['198503122010012004'],
        pindah: [{ nip: ASNS[2]!.nip, dari: 'setda', ke: 'diskominfo' }],
        nonaktif: [leaver.nip],
      },
    });
    // The file's kind in words for the auditor, beside the code of its saved column mapping.
    expect(line!.after).toMatchObject({ berkas: expect.stringMatching(/^Berkas dengan kolom /), jenis: expect.stringMatching(/^kolom-[0-9a-f]{8}$/) });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = (await snapshot()).roster;

    const res = await asAdmin('POST', '/api/admin/roster/impor', { csv: fixture('roster-excel-titik-koma.csv'), nonaktifkan: [] });

    expect(res.body.counts).toMatchObject({ baru: 0, berubah: 0, tetap: 4 });
    expect((await snapshot()).roster).toEqual(before);
  });

  it('reactivates a deactivated ASN who is back in the file (a new link is then needed)', async () => {
    const res = await asAdmin('POST', '/api/admin/roster/impor', { csv: fixture('roster-koma-kutip.csv') });

    expect(res.status).toBe(200);
    expect(res.body.counts).toMatchObject({ aktifKembali: 1 });
    expect(res.body.berubah.find((c: { sesudah: { nip: string } }) => c.sesudah.nip === ASNS[4]!.nip).kolom).toContain('aktif');
    expect(await getAsn(ASNS[4]!.nip)).toMatchObject({ active: true, status: 'PPPK' });
    // Zulkifli became a head of diskominfo through the file: his link says so.
    expect(await linkOf(ASNS[3]!.nip)).toMatchObject({ role: 'pimpinan', opd: 'diskominfo' });
  });

  it('keeps an OPD\'s dated WFA changes when opd.csv is imported again', async () => {
    const put = await asAdmin('PUT', '/api/admin/opd/setda/wfa', { wfa: false, sejak: '2026-01-05' });
    expect(put.status).toBe(200);
    const file = `${process.env.TMPDIR ?? '/tmp'}/opd-${Date.now()}.csv`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'kode,nama,wfa\nsetda,Sekretariat Daerah,ya\n');

    const [report] = await importRosterFiles({ opd: file });

    expect(report).toMatchObject({ unchanged: 1, updated: 0 });
    const opd = (await asAdmin('GET', '/api/admin/opd')).body.opd.find((o: { kode: string }) => o.kode === 'setda');
    expect(opd).toMatchObject({ wfa: false, wfaAwal: true, wfaSejak: [{ sejak: '2026-01-05', wfa: false }] });
  });
});

describe('roster by hand', () => {
  const NEW = { nip: '199107142019032008', nama: 'Rahmawati Mamonto', jabatan: 'Pranata Komputer', opd: 'diskominfo', status: 'PNS', noHp: '0813 5550 9876', peran: 'asn' };

  it('adds an ASN with the same rules as a CSV row, once', async () => {
    const res = await asAdmin('POST', '/api/admin/asn', NEW);

    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.asn).toEqual({ ...NEW, noHp: '6281355509876', aktif: true });
    expect((await asAdmin('POST', '/api/admin/asn', NEW)).body.error.code).toBe('ASN_SUDAH_ADA');
    const [line] = await auditOf('roster.tambah');
    expect(line).toMatchObject({ opd: 'diskominfo', target: `asn:${NEW.nip}`, after: { nip: NEW.nip, aktif: true } });
    expect(line).not.toHaveProperty('before');
  });

  it.each([
    ['an Excel-mangled NIP', { ...NEW, nip: '1.99107E+17' }, /format ilmiah/],
    ['an impossible NIP', { ...NEW, nip: '199113142019032008' }, /tanggal lahir/],
    ['an unknown OPD', { ...NEW, nip: '199107142019032009', opd: 'dinas-baru' }, /OPD "dinas-baru" tidak dikenal/],
    ['a wrong status', { ...NEW, nip: '199107142019032009', status: 'HONORER' }, /status harus PNS atau PPPK/],
  ])('refuses %s with 400 and writes nothing', async (_name, body, message) => {
    const before = await snapshot();

    const res = await asAdmin('POST', '/api/admin/asn', body);

    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('moves an ASN to another OPD: the link follows, the audit has before and after', async () => {
    const res = await asAdmin('PATCH', `/api/admin/asn/${ASNS[1]!.nip}`, { opd: 'DINKES ' });

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.asn).toMatchObject({ opd: 'dinkes' });
    expect(await linkOf(ASNS[1]!.nip)).toMatchObject({ opd: 'dinkes', role: 'asn' });
    const [line] = await auditOf('roster.pindah');
    expect(line).toMatchObject({ opd: 'dinkes', before: { opd: 'setda' }, after: { opd: 'dinkes' } });
  });

  it('makes an ASN the head of their OPD, and back: the link\'s role changes at once', async () => {
    const nip = ASNS[1]!.nip;
    await asAdmin('PATCH', `/api/admin/asn/${nip}`, { peran: 'pimpinan' });
    expect(await linkOf(nip)).toMatchObject({ role: 'pimpinan', opd: 'dinkes' });
    const heads = (await asAdmin('GET', '/api/admin/opd')).body.opd.find((o: { kode: string }) => o.kode === 'dinkes').pimpinan;
    expect(heads).toEqual([{ nip, nama: 'Hendra Sofyan Gonibala' }]);

    await asAdmin('PATCH', `/api/admin/asn/${nip}`, { peran: 'asn' });

    expect(await linkOf(nip)).toMatchObject({ role: 'asn' });
    expect((await auditOf('roster.peran')).map((a) => [(a.before as { peran: string }).peran, (a.after as { peran: string }).peran]).sort()).toEqual([
      ['asn', 'pimpinan'],
      ['pimpinan', 'asn'],
    ]);
  });

  it('deactivates (the link stops at once) and reactivates, keeping the record', async () => {
    const nip = ASNS[2]!.nip;
    const off = await asAdmin('PATCH', `/api/admin/asn/${nip}`, { aktif: false });

    expect(off.body.asn).toMatchObject({ aktif: false });
    expect((await call(me, { path: '/api/me', token: tokenOf(nip) })).status).toBe(401);
    expect((await asAdmin('GET', '/api/admin/asn?opd=diskominfo&aktif=tidak')).body.asn.map((a: { nip: string }) => a.nip)).toEqual([nip]);

    const on = await asAdmin('PATCH', `/api/admin/asn/${nip}`, { aktif: true });

    expect(on.body.asn).toMatchObject({ aktif: true });
    expect(await asAdmin('GET', `/api/admin/asn/${nip}`)).toMatchObject({ body: { asn: { aktif: true }, tautan: null } });
    expect((await auditOf('roster.nonaktifkan')).length + (await auditOf('roster.aktifkan')).length).toBe(2);
  });

  it('refuses bad edits with 400, an unknown NIP with 404, and an admin removing their own role with 409', async () => {
    const before = await snapshot();

    expect((await asAdmin('PATCH', `/api/admin/asn/${ASNS[0]!.nip}`, { status: 'HONORER' })).status).toBe(400);
    expect((await asAdmin('PATCH', `/api/admin/asn/${ASNS[0]!.nip}`, { peran: 'raja' })).status).toBe(400);
    expect((await asAdmin('PATCH', `/api/admin/asn/${ASNS[0]!.nip}`, { noHp: '0431-123456' })).status).toBe(400);
    expect((await asAdmin('PATCH', '/api/admin/asn/199901012020011999', { nama: 'Siapa' })).body.error.code).toBe('ASN_TIDAK_ADA');
    expect((await asAdmin('PATCH', `/api/admin/asn/${ADMIN.nip}`, { peran: 'asn' })).body.error.code).toBe('ADMIN_DIRI_SENDIRI');
    expect(await snapshot()).toEqual(before);
  });

  it('finds people by part of the name or NIP, across OPDs', async () => {
    const byName = await asAdmin('GET', '/api/admin/asn?q=fatimah');
    const byNip = await asAdmin('GET', `/api/admin/asn?q=${ASNS[3]!.nip.slice(0, 8)}`);

    expect(byName.body.asn.map((a: { nama: string }) => a.nama)).toEqual(['Fatimah Sartika Ali', 'Fatimah Tuliabu']);
    expect(byNip.body.asn.map((a: { nip: string }) => a.nip)).toEqual([ASNS[3]!.nip]);
    expect((await asAdmin('GET', '/api/admin/asn?opd=tidak-ada')).status).toBe(404);
  });

  it('refuses a change based on a stale read (someone else changed the record since)', async () => {
    const stale = (await readAsn(ASNS[0]!.nip))!;
    await importAsns([{ ...stale.value, jabatan: 'Diubah oleh impor' }]);
    const before = await snapshot();

    const write = writeAudited(
      [putAsn({ ...stale.value, nama: 'Perubahan lama' }, stale.item)],
      auditEntry(ADMIN, new Date(), { action: 'roster.ubah', target: 'x' }),
      () => new Error('DATA_BERUBAH'),
    );

    await expect(write).rejects.toThrow('DATA_BERUBAH');
    expect(await snapshot()).toEqual(before);
  });
});

describe('OPDs', () => {
  it('adds an OPD once, renames it, and marks it exempt from a date', async () => {
    expect((await asAdmin('POST', '/api/admin/opd', { kode: 'Dishub', nama: 'Dinas Perhubungan', wfa: true })).status).toBe(201);
    expect((await asAdmin('POST', '/api/admin/opd', { kode: 'dishub', nama: 'Lagi', wfa: true })).body.error.code).toBe('OPD_SUDAH_ADA');
    expect((await asAdmin('POST', '/api/admin/opd', { kode: 'dinas perhubungan', nama: 'Dinas', wfa: true })).status).toBe(400);

    const renamed = await asAdmin('PATCH', '/api/admin/opd/dishub', { nama: 'Dinas Perhubungan dan Pertanahan' });
    const exempt = await asAdmin('PUT', '/api/admin/opd/dishub/wfa', { wfa: false, sejak: '2026-12-01' });

    expect(renamed.body.opd).toMatchObject({ kode: 'dishub', nama: 'Dinas Perhubungan dan Pertanahan' });
    expect(exempt.body.opd).toMatchObject({ wfaAwal: true, wfaSejak: [{ sejak: '2026-12-01', wfa: false }] });
    const [rename] = await auditOf('opd.ubah');
    expect(rename).toMatchObject({ before: { nama: 'Dinas Perhubungan' }, after: { nama: 'Dinas Perhubungan dan Pertanahan' } });
    expect((await asAdmin('PATCH', '/api/admin/opd/tidak-ada', { nama: 'Apa Saja' })).status).toBe(404);
  });

  it('tells the staff of an OPD exempt since today that they work from the office', async () => {
    const res = await call(me, { path: '/api/me', token: tokenOf(ASNS[0]!.nip) }); // setda, exempt since 2026-01-05 (above)

    expect(res.body.opd).toEqual({ kode: 'setda', nama: 'Sekretariat Daerah', wfa: false });
  });
});

describe('who may use it', () => {
  it.each([
    ['an ASN', () => tokenOf(ASNS[3]!.nip)],
    ['a head', () => tokenOf(ASNS[0]!.nip)],
  ])('refuses %s with 403 and writes nothing', async (_who, token) => {
    const before = await snapshot();
    const requests = [
      ['POST', '/api/admin/roster/pratinjau', { csv: fixture('roster-koma-kutip.csv') }],
      ['POST', '/api/admin/roster/impor', { csv: fixture('roster-koma-kutip.csv'), nonaktifkan: [ASNS[3]!.nip] }],
      ['POST', '/api/admin/asn', { nip: '199201012020011001', nama: 'Coba', opd: 'setda', status: 'PNS' }],
      ['PATCH', `/api/admin/asn/${ASNS[3]!.nip}`, { peran: 'admin' }],
      ['POST', '/api/admin/opd', { kode: 'coba', nama: 'OPD Coba', wfa: true }],
      ['PUT', '/api/admin/opd/setda/wfa', { wfa: true, sejak: '2026-12-01' }],
      ['GET', '/api/admin/asn', undefined],
    ] as const;

    for (const [method, path, body] of requests) {
      const res = await call(admin, { method, path, token: token(), body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('KHUSUS_ADMIN');
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('roster import: what HR exports does not undo the console', () => {
  const row = (a: (typeof ASNS)[number], over: Partial<Record<'opd' | 'peran', string>> = {}) =>
    [a.nip, a.nama, a.jabatan, over.opd ?? a.opd, a.status, a.noHp, over.peran ?? ''].map((v) => `"${v}"`).join(',');

  it('does not offer an ASN whose row was refused as missing from the file', async () => {
    const csv = [HEADER, ...ASNS.map((a, i) => row(a, i === 2 ? { opd: 'dinas-baru' } : {})), row(ADMIN, { peran: 'admin' })].join('\n');
    const res = await asAdmin('POST', '/api/admin/roster/pratinjau', { csv });
    expect(res.status).toBe(200);
    expect(res.body.problems.map((p: { reason: string }) => p.reason).join()).toMatch(/dinas-baru/);
    expect(res.body.missing.map((m: { nip: string }) => m.nip)).not.toContain(ASNS[2]!.nip);
  });

  it('keeps the role set in the console where the file has no peran, and refuses to demote the importing admin', async () => {
    const head = ASNS.find((a) => a.role === 'pimpinan')!;
    const keep = [HEADER, ...ASNS.map((a) => row(a)), row(ADMIN)].join('\n');
    const preview = await asAdmin('POST', '/api/admin/roster/pratinjau', { csv: keep });
    // Other columns may differ after the earlier tests; the role never does.
    const roleChanges = preview.body.berubah.filter((b: { kolom: string[] }) => b.kolom.includes('peran'));
    expect(roleChanges.map((b: { sesudah: { nip: string } }) => b.sesudah.nip)).toEqual([]);

    const before = await snapshot();
    const demote = [HEADER, ...ASNS.map((a) => row(a)), row(ADMIN, { peran: 'asn' })].join('\n');
    const res = await asAdmin('POST', '/api/admin/roster/impor', { csv: demote, nonaktifkan: [] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ADMIN_DIRI_SENDIRI');
    expect(await snapshot()).toEqual(before);
    expect((await getAsn(head.nip))?.role).toBe('pimpinan');
  });
});

describe('roster: the kecamatan where an ASN lives (the evaluation splits the network by it)', () => {
  const person = ASNS[3]!;
  const line = (kolom: string, nilai: string) =>
    [`nip,nama,jabatan,opd,status,no_hp,${kolom}`, [person.nip, person.nama, person.jabatan, person.opd, person.status, person.noHp, nilai].map((v) => `"${v}"`).join(',')].join('\n');

  it('imports it from a kecamatan column or the "Kec. …" of an address, keeps it through edits and files without it, and takes it out on request', async () => {
    // A SIMPEG file with a kecamatan column, written in capitals.
    const first = await asAdmin('POST', '/api/admin/roster/impor', { csv: line('Kecamatan', 'KEC. PINOLOSIAN TENGAH'), nonaktifkan: [] });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect((await getAsn(person.nip))?.kecamatan).toBe('Pinolosian Tengah');
    // SIASN has only ALAMAT: its "Kec. …" is read.
    const siasn = await asAdmin('POST', '/api/admin/roster/pratinjau', { csv: line('Alamat', 'Desa Modisi, Kec. Pinolosian Timur, Kab. Bolaang Mongondow Selatan') });
    expect(siasn.body.berubah).toEqual([expect.objectContaining({ kolom: ['kecamatan'], sesudah: expect.objectContaining({ kecamatan: 'Pinolosian Timur' }) })]);
    // A file without either column changes nothing; neither does an edit of another field.
    const none = await asAdmin('POST', '/api/admin/roster/pratinjau', { csv: line('peran', '') });
    expect(none.body.berubah).toEqual([]);
    expect((await asAdmin('PATCH', `/api/admin/asn/${person.nip}`, { jabatan: 'Pranata Komputer' })).body.asn).toMatchObject({ kecamatan: 'Pinolosian Tengah' });
    // The console sets it and takes it out.
    expect((await asAdmin('PATCH', `/api/admin/asn/${person.nip}`, { kecamatan: 'tomini' })).body.asn).toMatchObject({ kecamatan: 'Tomini' });
    const cleared = await asAdmin('PATCH', `/api/admin/asn/${person.nip}`, { kecamatan: '' });
    expect(cleared.body.asn.kecamatan).toBeUndefined();
    expect((await getAsn(person.nip))?.kecamatan).toBeUndefined();
  });
});
