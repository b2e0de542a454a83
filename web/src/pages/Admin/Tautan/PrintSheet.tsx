import { useEffect, useRef } from 'preact/hooks';
import { formatNip } from '../../../lib/sesi';
import type { IssuedLink } from '../api/types';
import { PERAN } from '../ui/labels';
import { qrDataUrl } from './qr';

/** Cards on one A4 sheet: 2 across, 4 down (95 × 67 mm each, cut along the dashed lines). */
export const PER_PAGE = 8;

interface Page {
  opd: string;
  opdNama: string;
  index: number;
  count: number;
  cards: IssuedLink[];
}

/** Pages per OPD: each OPD starts on a new sheet, so a sheet goes to one office. */
export function pagesOf(links: readonly IssuedLink[]): Page[] {
  const byOpd = new Map<string, IssuedLink[]>();
  for (const l of links) byOpd.set(l.opd, [...(byOpd.get(l.opd) ?? []), l]);
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

/**
 * The printable sheets, previewed on screen and alone on paper (`@media print` hides the
 * rest of the console). `onReady` is called once every QR image has been decoded, so the
 * print dialog never shows empty squares.
 */
export function PrintSheet({ links, onReady }: { links: readonly IssuedLink[]; onReady?: () => void }) {
  const root = useRef<HTMLDivElement>(null);
  const pages = pagesOf(links);
  useEffect(() => {
    const imgs = [...(root.current?.querySelectorAll('img') ?? [])];
    void Promise.all(imgs.map((i) => i.decode().catch(() => undefined))).then(() => onReady?.());
  }, [links]);
  return (
    <div class="adm-print" ref={root} data-testid="print-sheet">
      {pages.map((p) => (
        <section key={`${p.opd}-${p.index}`} class="adm-sheet" aria-label={`${p.opdNama}, lembar ${p.index} dari ${p.count}`}>
          <p class="adm-sheet-head">
            {p.opdNama} · lembar {p.index}/{p.count} · gunting di garis putus-putus
          </p>
          <div class="adm-cards">
            {p.cards.map((l) => (
              <article key={l.nip} class="adm-qr-card" data-nip={l.nip}>
                <img src={qrDataUrl(l.tautan)} alt={`Kode QR tautan ${l.nama}`} class="adm-qr" />
                <div class="adm-qr-text">
                  <p class="adm-qr-app">Apel WFA · tautan pribadi{l.peran !== 'asn' ? ` (${PERAN[l.peran]})` : ''}</p>
                  <p class="adm-qr-name">{l.nama}</p>
                  <p class="adm-qr-nip">NIP {formatNip(l.nip)}</p>
                  <p class="adm-qr-opd">{l.opdNama || l.opd}</p>
                  <p class="adm-qr-help">Pindai dengan kamera ponsel, buka, lalu simpan halamannya. Jangan bagikan kepada orang lain.</p>
                </div>
              </article>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
