import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * SheetJS (the .xlsx reader of the roster import) is a chunk of its own, fetched only when
 * the admin chooses a spreadsheet: not in the check-in page, not in the console's own chunk.
 * Runs on the built site (`npm test` builds first).
 */
const dist = new URL('../../web/dist/', import.meta.url).pathname;

describe.runIf(existsSync(join(dist, 'index.html')))('the spreadsheet reader', () => {
  const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const read = (f: string) => readFileSync(join(dist, 'assets', f), 'utf8');
  const sheetJs = (text: string) => text.includes('SheetJS') || text.includes('sheet_to_csv');

  it('is only in its own lazily loaded chunk', () => {
    const chunk = assets.find((f) => /^spreadsheet-.*\.js$/.test(f));
    expect(chunk).toBeDefined();
    expect(sheetJs(read(chunk!))).toBe(true);
    expect(assets.filter((f) => f !== chunk && sheetJs(read(f)))).toEqual([]);
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(html).not.toContain('spreadsheet-');
  });
});
