import { existsSync, readFileSync, renameSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { IssuedLink } from '../cli/links';
import { writeLinksCsv } from '../cli/links';
import { hashToken } from '../core/token';
import { batchGet } from '../store/batch';
import { keys, tableName } from '../store/tables';

/**
 * `npm start`'s links file (`.data/tautan-demo.csv`): the links issued on the first start, the only
 * copy of their tokens (the Links table keeps hashes). A link reissued or revoked since (admin
 * console, `npm run apel -- issue-links` or `revoke-link`) no longer works, so at each start the
 * file is checked against the Links table (one consistent BatchGet per 100 links) and, when some
 * no longer work, rewritten with the ones that do: it never hands out a dead link.
 */
export async function workingLinksOf(file: string): Promise<{ links: IssuedLink[]; dropped: IssuedLink[] }> {
  if (!existsSync(file)) return { links: [], dropped: [] };
  // The NIP is written as ="…" so that Excel keeps its 18 digits (core/csv-writer.ts).
  const inFile = (parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as IssuedLink[]).map((l) => ({ ...l, nip: l.nip.replace(/^="(.*)"$/, '$1') }));
  const hashOf = (l: IssuedLink) => hashToken(new URL(l.tautan).hash.replace(/^#t=/, ''));
  const found = await batchGet(tableName('links'), inFile.map((l) => keys.link(hashOf(l))), true);
  const works = (l: IssuedLink) => {
    const key = keys.link(hashOf(l));
    return found.get(`${key.pk}|${key.sk}`)?.nip === l.nip;
  };
  const links = inFile.filter(works);
  const dropped = inFile.filter((l) => !works(l));
  if (dropped.length > 0) {
    // Written beside it, then renamed over it: a crash half-way leaves the old file, not half a new one.
    writeLinksCsv(`${file}.baru`, links);
    renameSync(`${file}.baru`, file);
  }
  return { links, dropped };
}

/** What the welcome of `npm start` says about the file (`dropped`: links this start removed from it). */
export function linksFileNote(file: string, working: number, dropped: number): string {
  const removed =
    dropped > 0
      ? `\n${dropped} tautan di berkas ini sudah diterbitkan ulang atau dicabut sejak itu dan dihapus dari berkas; tautan barunya ada di\n` +
        'berkas unduhan konsol admin atau --out dari penerbitan itu.'
      : '';
  return (
    `${working} tautan yang masih berlaku ada di ${file}.${removed}\n` +
    'Tautan yang diterbitkan ulang nanti (konsol admin atau npm run apel -- issue-links) menggantikan tautan lama\n' +
    'orang itu; saat dijalankan lagi, tautan lama itu dihapus dari berkas ini. Simpan berkas unduhan atau --out penerbitan itu.'
  );
}
