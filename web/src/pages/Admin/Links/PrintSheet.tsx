import { useEffect, useRef } from 'preact/hooks';
import type { LinkCard } from '../../../../../contract';
import { formatNip } from '../../../lib/nip';
import { longDate } from '../../../lib/time';
import { PERAN } from '../ui/labels';
import { pagesOf } from './pages';
import { useQrCodes } from './useQrCodes';
import { angka } from '../../../lib/number';

/**
 * The printable sheets, previewed on screen and alone on paper (`@media print` hides the
 * rest of the console). `onReady` is called once every QR image has been decoded, so the
 * print dialog never shows empty squares.
 */
export function PrintSheet({ links, diterbitkan, onReady }: { links: readonly LinkCard[]; diterbitkan?: string | undefined; onReady?: () => void }) {
  const root = useRef<HTMLDivElement>(null);
  const pages = pagesOf(links);
  const { codes, done } = useQrCodes(links.map((l) => l.tautan));
  useEffect(() => {
    if (!done) return;
    const imgs = [...(root.current?.querySelectorAll('img') ?? [])];
    void Promise.all(imgs.map((i) => i.decode().catch(() => undefined))).then(() => onReady?.());
  }, [done]);
  return (
    <div class="adm-print" ref={root} data-testid="print-sheet" aria-busy={!done}>
      {!done && (
        <p class="muted adm-noprint" role="status">
          Menyiapkan kode QR: {angka(codes.size)} dari {angka(links.length)}…
        </p>
      )}
      {pages.map((p) => (
        <section key={`${p.opd}-${p.index}`} class="adm-sheet" aria-label={`${p.opdNama}, lembar ${p.index} dari ${p.count}`}>
          <p class="adm-sheet-head">
            {p.opdNama} · lembar {p.index}/{p.count} · gunting di garis putus-putus
          </p>
          <div class="adm-cards">
            {p.cards.map((l) => (
              <article key={l.nip} class="adm-qr-card" data-nip={l.nip}>
                {codes.has(l.tautan) ? <img src={codes.get(l.tautan)} alt={`Kode QR tautan ${l.nama}`} class="adm-qr" /> : <span class="adm-qr" />}
                <div class="adm-qr-text">
                  <p class="adm-qr-app">Apel WFA · tautan pribadi{l.peran !== 'asn' ? ` (${PERAN[l.peran]})` : ''}</p>
                  <p class="adm-qr-name">{l.nama}</p>
                  <p class="adm-qr-nip">NIP {formatNip(l.nip)}</p>
                  <p class="adm-qr-opd">{l.opdNama || l.opd}</p>
                  <p class="adm-qr-help">Pindai dengan kamera ponsel, buka, lalu simpan halamannya. Jangan bagikan kepada orang lain.</p>
                  {diterbitkan && (
                    <p class="adm-qr-help" data-testid="kartu-tanggal">
                      Diterbitkan {longDate(diterbitkan)}: kartu yang lebih lama tidak berlaku lagi.
                    </p>
                  )}
                </div>
              </article>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
