import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoApp } from '../support/demo-app';
import { startDemoApp } from '../support/demo-app';

/**
 * Issue 14 point 11: `.data/tautan-demo.csv` keeps the links of the first start (only their hashes
 * are stored). A link reissued or revoked since no longer works; a restart must not hand it out
 * (the welcome's sample links) nor say every link is in the file.
 */
describe("npm start's links file on a restart", () => {
  let app: DemoApp;
  let file: string;

  beforeAll(async () => {
    app = await startDemoApp({ perOpd: 1, clock: '2026-12-02T10:00:00+08:00', demoMinutes: 0 });
    const { writeLinksCsv } = await import('../../functions/cli/links');
    file = join(mkdtempSync(join(tmpdir(), 'apel-data-')), 'tautan-demo.csv');
    writeLinksCsv(file, app.links);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('keeps only the links that still work, and says how many were reissued or revoked since', async () => {
    const [reissued, revoked] = app.links.filter((l) => l.peran !== 'admin');
    const { issueLink, revokeLink } = await import('../../functions/store/link-store');
    await issueLink({ nip: reissued!.nip, role: reissued!.peran as 'asn' | 'pimpinan', opd: reissued!.opd });
    expect(await revokeLink(revoked!.nip)).toBe(true);

    const { workingLinksOf, linksFileNote } = await import('../../functions/local/links-file');
    const { links, dropped } = await workingLinksOf(file);

    expect(dropped.map((l) => l.nip).sort()).toEqual([reissued!.nip, revoked!.nip].sort());
    expect(links).toHaveLength(app.links.length - 2);
    expect(links.map((l) => l.nip)).not.toContain(reissued!.nip);
    // The file is rewritten with the working links only, still readable by the owner alone.
    const rows = parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as { nip: string }[];
    expect(rows.map((r) => r.nip)).toEqual(links.map((l) => `="${l.nip}"`)); // NIP kept as text for Excel
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(linksFileNote(file, links.length, dropped.length)).toContain(`2 tautan di berkas ini sudah diterbitkan ulang atau dicabut sejak itu dan dihapus dari berkas`);

    // Nothing more to drop: the file is left as it is.
    const again = await workingLinksOf(file);
    expect(again.dropped).toEqual([]);
    expect(again.links).toEqual(links);
    expect(linksFileNote(file, again.links.length, 0)).not.toContain('sejak itu');
  });

  it('gives no links and drops nothing when there is no file', async () => {
    const { workingLinksOf } = await import('../../functions/local/links-file');
    expect(await workingLinksOf(join(tmpdir(), 'tidak-ada', 'tautan-demo.csv'))).toEqual({ links: [], dropped: [] });
  });
});
