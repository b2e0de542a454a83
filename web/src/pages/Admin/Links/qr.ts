import { renderSVG } from 'uqr';

/**
 * A QR code of a link as a `data:` image (the CSP allows data: images, not inline styles).
 * Error correction M survives a crease or a smudge on a printed card; a 2-module quiet
 * zone, since the card around it is white.
 */
export function qrDataUrl(text: string): string {
  // crispEdges: no hairline seams between modules when the image is scaled.
  const svg = renderSVG(text, { ecc: 'M', border: 2, pixelSize: 1 }).replace('<svg ', '<svg shape-rendering="crispEdges" ');
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
