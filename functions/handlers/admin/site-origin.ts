import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * Where the site is, for the links handed out: the browser's `Origin` (sent with every
 * POST; CloudFront forwards it while replacing `Host`), else the `Referer`'s origin,
 * else the `Host` the request came to (the local server).
 */
export function siteOrigin(event: APIGatewayProxyEventV2): string {
  const h = event.headers ?? {};
  for (const candidate of [h.origin, h.referer]) {
    try {
      const url = candidate ? new URL(candidate) : undefined;
      if (url && (url.protocol === 'https:' || url.protocol === 'http:')) return url.origin;
    } catch {
      // not a URL: try the next
    }
  }
  const host = h.host ?? 'localhost';
  const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
  return `${local ? 'http' : 'https'}://${host}`;
}
