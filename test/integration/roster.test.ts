import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueLinks, writeLinksCsv } from '../../functions/cli/links';
import { importRosterFiles } from '../../functions/cli/roster-import';
import { hashToken } from '../../functions/core/token';
import { findLink, issueLink, issueLinksInBulk, revokeLink } from '../../functions/store/link-store';
import { listAudit } from '../../functions/store/audit-store';
import { getAsn, listAsnOfOpd, listOpds } from '../../functions/store/roster-store';
import { allItems, freshTables } from '../support/db';

const demo = (f: string) => new URL(`../../demo-data/${f}`, import.meta.url).pathname;

beforeAll(freshTables);

describe('roster import', () => {
  it('imports the 36 OPDs and 2,259 ASN of the demo roster', async () => {
    const reports = await importRosterFiles({ opd: demo('opd.csv'), asn: demo('asn.csv'), libur: demo('libur-2026.csv') });

    expect(reports.map((r) => [r.added, r.problems.length])).toEqual([
      [36, 0],
      [2259, 0],
      [25, 0],
    ]);
    expect(await listOpds()).toHaveLength(36);
    expect(await listAsnOfOpd('puskesmas')).toHaveLength(340);
    expect((await listOpds()).find((o) => o.kode === 'dukcapil')).toEqual({
      kode: 'dukcapil',
      nama: 'Dinas Kependudukan dan Pencatatan Sipil',
      wfa: false,
    });
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = { roster: await allItems('roster'), calendar: await allItems('calendar') };

    const reports = await importRosterFiles({ opd: demo('opd.csv'), asn: demo('asn.csv'), libur: demo('libur-2026.csv') });

    expect(reports.map((r) => [r.added, r.updated, r.unchanged])).toEqual([
      [0, 0, 36],
      [0, 0, 2259],
      [0, 0, 25],
    ]);
    expect(await allItems('roster')).toEqual(before.roster);
    expect(await allItems('calendar')).toEqual(before.calendar);
  });

  it('reports each invalid row with its line and reason, skips it, and keeps the valid ones', async () => {
    const [report] = await importRosterFiles({ asn: new URL('../fixtures/asn-bermasalah.csv', import.meta.url).pathname });

    expect(report!.problems).toEqual([
      { line: 3, reason: 'NIP rusak oleh lembar kerja (format ilmiah, mis. 1.98503E+17)' },
      { line: 4, reason: 'NIP harus 18 angka (tertulis 17 karakter)' },
      { line: 5, reason: 'tanggal lahir 1990-02-30 pada NIP tidak ada di kalender' },
      { line: 6, reason: 'bulan pengangkatan 13 pada NIP tidak ada' },
      { line: 7, reason: 'digit jenis kelamin harus 1 atau 2 (tertulis 3)' },
      { line: 8, reason: 'OPD "opd-tak-dikenal" tidak dikenal' },
      { line: 9, reason: 'status harus PNS atau PPPK (tertulis "HONORER")' },
      { line: 10, reason: 'NIP 199004152025012011 muncul lebih dari sekali' },
    ]);
    // Line 2 is unchanged from the demo roster; line 11 moves Zulkifli Olii from diskominfo to setda.
    expect(report).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    expect(await getAsn('196610171993121005')).toMatchObject({ opd: 'setda', status: 'PPPK', noHp: '6281234567890' });
    expect(await getAsn('197702112007041002')).toMatchObject({ opd: 'setda', nama: 'Hendra Sofyan Gonibala' });
  });
});

describe('roster import from the command line', () => {
  it('goes through the console\'s use case: one audit line per file by "cli", and an empty peran keeps the console\'s role', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apel-cli-'));
    const rows = parse(readFileSync(demo('asn.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const head = rows.find((r) => r.peran === 'pimpinan')!;
    writeFileSync(join(dir, 'asn.csv'), stringify([{ ...head, peran: '' }], { header: true }));
    const at = new Date('2031-03-10T01:00:00Z');

    const [report] = await importRosterFiles({ asn: join(dir, 'asn.csv') }, at);

    expect(report).toMatchObject({ added: 0, updated: 0, unchanged: 1, problems: [] });
    expect((await getAsn(head.nip!))?.role).toBe('pimpinan');
    const lines = await listAudit({ month: '2031-03', actorNip: 'cli' });
    expect(lines.map((l) => [l.action, l.actor.role])).toEqual([['roster.impor', 'admin']]);
  });
});

describe('personal links', () => {
  it('stores only the hash of a 256-bit token and writes a CSV the admin can hand out', async () => {
    const asns = await listAsnOfOpd('bkpsdm');
    const out = join(mkdtempSync(join(tmpdir(), 'links-')), 'tautan.csv');

    const links = await issueLinks(asns, 'https://apel.example.go.id');
    writeLinksCsv(out, links);

    const rows = parse(readFileSync(out, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(asns.length);
    expect(Object.keys(rows[0]!)).toEqual(['nip', 'nama', 'opd', 'peran', 'tautan']);
    const token = /^https:\/\/apel\.example\.go\.id\/#t=([A-Za-z0-9_-]{43})$/.exec(rows[0]!.tautan!)?.[1];
    expect(token).toBeDefined();
    // The NIP as ="…", so that Excel keeps its 18 digits (core/csv-writer.ts).
    expect(rows[0]!.nip).toMatch(/^="\d{18}"$/);
    expect(await findLink(hashToken(token!))).toMatchObject({ nip: rows[0]!.nip!.replace(/\D/g, ''), opd: 'bkpsdm' });
    const stored = JSON.stringify(await allItems('links'));
    expect(stored).not.toContain(token!);
    expect(new Set(rows.map((r) => r.tautan)).size).toBe(rows.length);
  });

  it('replaces every earlier link when the links of an OPD are issued again', async () => {
    const asns = await listAsnOfOpd('bkpsdm');
    const tokenOf = (l: { tautan: string }) => new URL(l.tautan).hash.slice(3);
    const first = (await issueLinks(asns, 'http://localhost:3000')).map(tokenOf);

    const second = (await issueLinks(asns, 'http://localhost:3000')).map(tokenOf);

    for (const t of first) expect(await findLink(hashToken(t))).toBeUndefined();
    for (const t of second) expect(await findLink(hashToken(t))).toBeDefined();
    const pointers = (await allItems('links')).filter((i) => i.sk === 'LINK' && String(i.pk).startsWith('ASN#'));
    const linkItems = (await allItems('links')).filter((i) => String(i.pk).startsWith('LINK#'));
    expect(linkItems).toHaveLength(pointers.length);
  });

  it('never leaves two working links when links are issued concurrently, and revoking then stops them all', async () => {
    const [asn] = await listAsnOfOpd('dinsos');
    const tokens = [
      ...(await Promise.all(Array.from({ length: 8 }, () => issueLink(asn!)))),
      ...(await Promise.all([issueLinksInBulk([asn!]), issueLinksInBulk([asn!])])).map((m) => m.get(asn!.nip)!),
    ];

    const working = (await Promise.all(tokens.map((t) => findLink(hashToken(t))))).filter(Boolean);
    expect(working).toHaveLength(1);

    expect(await revokeLink(asn!.nip)).toBe(true);
    for (const t of tokens) expect(await findLink(hashToken(t))).toBeUndefined();
    expect((await allItems('links')).filter((i) => i.nip === asn!.nip)).toEqual([]);
  });

  it('issues a regency\'s links in groups, each in force before the next group is touched', async () => {
    const asns = await listAsnOfOpd('pupr');
    // 25 people per transaction: 4 writes each (new link, pointer, old link, its push subscriptions) ≤ 100.
    expect(asns.length).toBeGreaterThan(25);
    const groups: number[] = [];
    const inForce: boolean[] = [];

    await issueLinksInBulk(asns, async (group) => {
      groups.push(group.size);
      const found = await Promise.all([...group.values()].map((t) => findLink(hashToken(t))));
      inForce.push(found.every(Boolean));
    });

    const expected: number[] = [];
    for (let left = asns.length; left > 0; left -= 25) expected.push(Math.min(25, left));
    expect(groups).toEqual(expected);
    expect(inForce.every(Boolean)).toBe(true);
  });

  it('moves a link with its ASN when the roster moves them to another OPD', async () => {
    const [asn] = await listAsnOfOpd('dishub');
    const [link] = await issueLinks([asn!], 'http://localhost:3000');
    const token = new URL(link!.tautan).hash.slice(3);
    const dir = mkdtempSync(join(tmpdir(), 'move-'));
    const file = join(dir, 'asn.csv');
    const row = { nip: asn!.nip, nama: asn!.nama, jabatan: asn!.jabatan, opd: 'dlh', status: asn!.status, no_hp: asn!.noHp, peran: 'asn' };
    writeFileSync(file, stringify([row], { header: true }));

    const [report] = await importRosterFiles({ asn: file });

    expect(report).toMatchObject({ updated: 1, problems: [] });
    expect(await findLink(hashToken(token))).toMatchObject({ nip: asn!.nip, opd: 'dlh' });
  });
});
