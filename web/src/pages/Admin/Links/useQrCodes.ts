import { useEffect, useState } from 'preact/hooks';
import { qrDataUrl } from './qr';

/** Codes made per slice of work; each takes a few milliseconds. */
const SLICE = 25;

/**
 * QR images for links, made a slice at a time between frames, so that the page keeps
 * responding (and shows its progress) while the cards of a large OPD are prepared.
 */
export function useQrCodes(urls: readonly string[]): { codes: Map<string, string>; done: boolean } {
  const [codes, setCodes] = useState(() => new Map<string, string>());
  useEffect(() => {
    let cancelled = false;
    const made = new Map<string, string>();
    setCodes(new Map());
    let i = 0;
    const step = () => {
      if (cancelled) return;
      for (const end = Math.min(i + SLICE, urls.length); i < end; i++) {
        const url = urls[i]!;
        if (!made.has(url)) made.set(url, qrDataUrl(url));
      }
      setCodes(new Map(made));
      if (i < urls.length) setTimeout(step, 0);
    };
    step();
    return () => {
      cancelled = true;
    };
  }, [urls.join('\n')]);
  return { codes, done: urls.every((u) => codes.has(u)) };
}
