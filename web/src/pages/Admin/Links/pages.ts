import type { LinkCard } from '../../../../../contract';

/** Cards on one A4 sheet: 2 across, 4 down (95 × 67 mm each, cut along the dashed lines). */
export const PER_PAGE = 8;

interface Page {
  opd: string;
  opdNama: string;
  index: number;
  count: number;
  cards: LinkCard[];
}

/** Pages per OPD: each OPD starts on a new sheet, so a sheet goes to one office. */
export function pagesOf(links: readonly LinkCard[]): Page[] {
  const byOpd = new Map<string, LinkCard[]>();
  for (const l of links) {
    const list = byOpd.get(l.opd);
    if (list) list.push(l);
    else byOpd.set(l.opd, [l]);
  }
  const pages: Page[] = [];
  for (const [opd, list] of byOpd) {
    const sorted = [...list].sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
    const count = Math.ceil(sorted.length / PER_PAGE);
    for (let i = 0; i < count; i++) {
      pages.push({ opd, opdNama: sorted[0]?.opdNama || opd, index: i + 1, count, cards: sorted.slice(i * PER_PAGE, (i + 1) * PER_PAGE) });
    }
  }
  return pages;
}
