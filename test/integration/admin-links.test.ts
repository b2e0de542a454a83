import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../functions/core/token';
import { handler as admin } from '../../functions/handlers/admin-api';
import { findLink, issueLink } from '../../functions/store/link-store';
import { importAsns } from '../../functions/store/roster-store';
import { ADMIN, seedWithAdmin } from '../support/admin';
import { allItems } from '../support/db';
import { call } from '../support/events';
import { ASNS } from '../support/roster';

/** Links from the admin console: issue, re-issue and revoke for one ASN, an OPD or everyone. */

/** The site's own address, as the stack (SiteUrl) or the local server sets it for the admin function. */
const ORIGIN = 'https://apel.bolselkab.go.id';

let tokens: Map<string, string>;
let adminToken: string;
const links = (body: unknown, headers: Record<string, string> = { origin: ORIGIN }) =>
  call(admin, { method: 'POST', path: '/api/admin/tautan', token: adminToken, body, headers });
const tokenOf = (url: string) => new URL(url).hash.slice(3);
const linkItems = async () => (await allItems('links')).filter((i) => String(i.pk).startsWith('LINK#'));

beforeAll(async () => {
  process.env.APEL_SITE_URL = ORIGIN;
  // The admin sits in diskominfo here; one setda member has no phone number.
  ({ tokens, adminToken } = await seedWithAdmin({ opd: 'diskominfo' }));
  await importAsns([{ ...ASNS[2]!, noHp: '' }]);
});

describe('issuing links', () => {
  it('issues new links for an OPD once: cards with a wa.me message, a CSV with BOM; the old links stop', async () => {
    const res = await links({ cakupan: { opd: 'setda' }, aksi: 'terbitkan' });

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ aksi: 'terbitkan', jumlah: 3, namaBerkas: expect.stringMatching(/^tautan-apel-setda-\d{4}-\d{2}-\d{2}\.csv$/) });
    const fatimah = res.body.tautan.find((c: { nip: string }) => c.nip === ASNS[0]!.nip);
    expect(fatimah).toMatchObject({
      nama: 'Fatimah Tuliabu',
      opd: 'setda',
      opdNama: 'Sekretariat Daerah',
      peran: 'pimpinan',
      noHp: '6281234567890',
      tautan: expect.stringMatching(/^https:\/\/apel\.bolselkab\.go\.id\/#t=[\w-]{43}$/),
    });
    const wa = new URL(fatimah.waMe);
    expect(wa.origin + wa.pathname).toBe('https://wa.me/6281234567890');
    expect(wa.searchParams.get('text')).toContain(`Yth. Fatimah Tuliabu`);
    expect(wa.searchParams.get('text')).toContain(fatimah.tautan);
    // No phone number on the roster: no WhatsApp message.
    expect(res.body.tautan.find((c: { nip: string }) => c.nip === ASNS[2]!.nip).waMe).toBeNull();

    // The console builds the CSV from the cards; the answer carries no second copy (Lambda's 6 MB limit).
    expect(res.body.csv).toBeUndefined();
    expect(new Set(res.body.tautan.map((c: { tautan: string }) => c.tautan)).size).toBe(3);

    for (const c of res.body.tautan) expect(await findLink(hashToken(tokenOf(c.tautan)))).toMatchObject({ nip: c.nip, opd: 'setda' });
    expect(await findLink(hashToken(tokens.get(ASNS[0]!.nip)!))).toBeUndefined();
    expect(await findLink(hashToken(tokens.get(ASNS[3]!.nip)!))).toBeDefined(); // another OPD: untouched
    expect(JSON.stringify(await allItems('links'))).not.toContain(tokenOf(fatimah.tautan));
    const [line] = (await allItems('audit')).filter((a) => a.action === 'tautan.terbitkan');
    expect(line).toMatchObject({ opd: 'setda', target: 'opd:setda', after: { jumlah: 3 } });
  });

  it("puts the links on the site's own address, whatever Origin, Referer or Host the request names", async () => {
    const res = await links(
      { cakupan: { nip: ASNS[3]!.nip }, aksi: 'terbitkan' },
      { origin: 'https://evil.example', referer: 'https://evil.example/admin', host: 'evil.example' },
    );

    expect(res.status).toBe(200);
    expect(res.body.tautan[0].tautan).toMatch(/^https:\/\/apel\.bolselkab\.go\.id\/#t=[\w-]{43}$/);
    expect(res.body.tautan[0].waMe).not.toContain('evil.example');
  });

  it('issues links for everyone, the admin included (their new link is in the answer)', async () => {
    const res = await links({ cakupan: { semua: true }, aksi: 'terbitkan' });

    expect(res.body.jumlah).toBe(6);
    expect(await linkItems()).toHaveLength(6);
    expect((await call(admin, { path: '/api/admin/opd', token: adminToken })).status).toBe(401);
    adminToken = tokenOf(res.body.tautan.find((c: { nip: string }) => c.nip === ADMIN.nip).tautan);
    expect((await call(admin, { path: '/api/admin/opd', token: adminToken })).status).toBe(200);
  });
});

describe('revoking links', () => {
  it('revokes one ASN\'s link at once, and says so when there was none left', async () => {
    const first = await links({ cakupan: { nip: ASNS[4]!.nip }, aksi: 'cabut' });
    const again = await links({ cakupan: { nip: ASNS[4]!.nip }, aksi: 'cabut' });

    expect(first.body).toEqual({ aksi: 'cabut', jumlah: 1, nip: [ASNS[4]!.nip] });
    expect(again.body).toEqual({ aksi: 'cabut', jumlah: 0, nip: [] });
    expect((await allItems('links')).filter((i) => i.nip === ASNS[4]!.nip)).toEqual([]);
  });

  it('revokes an OPD\'s links', async () => {
    const res = await links({ cakupan: { opd: 'setda' }, aksi: 'cabut' });

    expect(res.body.jumlah).toBe(3);
    expect((await linkItems()).map((i) => i.opd).sort()).toEqual(['diskominfo', 'diskominfo']);
    expect((await allItems('audit')).filter((a) => a.action === 'tautan.cabut').map((a) => a.target).sort()).toEqual([
      `asn:${ASNS[4]!.nip}`,
      `asn:${ASNS[4]!.nip}`,
      'opd:setda',
    ]);
  });
});

describe('revoking everyone', () => {
  it("keeps the link of the admin who does it, so they keep their console", async () => {
    const res = await links({ cakupan: { semua: true }, aksi: 'cabut' });
    expect(res.status).toBe(200);
    expect(res.body.nip).not.toContain(ADMIN.nip);
    expect((await linkItems()).map((i) => i.nip)).toEqual([ADMIN.nip]);
    expect((await links({ cakupan: { opd: 'setda' }, aksi: 'cabut' })).status).toBe(200);
  });
});

describe('bad requests and other roles', () => {
  it.each([
    ['an unknown scope', { cakupan: { semuanya: true }, aksi: 'terbitkan' }, 400],
    ['an unknown action', { cakupan: { opd: 'setda' }, aksi: 'hapus' }, 400],
    ['an unknown OPD', { cakupan: { opd: 'dinas-lain' }, aksi: 'terbitkan' }, 404],
    ['an unknown NIP', { cakupan: { nip: '199901012020011999' }, aksi: 'terbitkan' }, 404],
  ])('refuses %s and changes no link', async (_name, body, status) => {
    const before = { links: await allItems('links'), audit: await allItems('audit') };

    expect((await links(body)).status).toBe(status);
    expect({ links: await allItems('links'), audit: await allItems('audit') }).toEqual(before);
  });

  it('refuses heads and ASN with 403 and changes no link', async () => {
    const head = await issueLink(ASNS[0]!);
    const asn = await issueLink(ASNS[3]!);
    const before = await allItems('links');

    for (const token of [head, asn]) {
      const res = await call(admin, { method: 'POST', path: '/api/admin/tautan', token, body: { cakupan: { semua: true }, aksi: 'cabut' } });
      expect(res.status).toBe(403);
    }
    expect(await allItems('links')).toEqual(before);
  });
});
