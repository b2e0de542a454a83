/**
 * The security headers of every page and asset of the site, in one place: CloudFront's
 * response-headers policy (infra/constructs/web-site.ts) and the local server
 * (functions/local/server.ts) both send exactly these, so `npm start` and the
 * end-to-end tests run the page under the same Content-Security-Policy as production.
 * No imports: the local server and the CDK app both load it cheaply.
 *
 * The Vite build has no inline style and one inline script, allowed by its hash: the first
 * script of web/index.html, which sends GET /api/me while the page's module script and
 * stylesheet (from /assets) download, a round trip earlier on a slow network (issue 13).
 * QR codes and the empty favicon are data: images; the page only calls its own /api. A test
 * checks web/dist/index.html against this policy (and this hash against the script).
 */
export const EARLY_ME_SHA256 = "'sha256-Cfb/pCDEabxshqbUIX/caV9h8OedAxKz4RYH1YW/0xQ='";

export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'", EARLY_ME_SHA256],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/** Two years: the value HSTS preload lists ask for. Browsers ignore HSTS on plain-HTTP answers (local runtime). */
export const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;

export const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
  'x-content-type-options': 'nosniff',
  // Personal links carry their token in the fragment, which is never sent; no-referrer
  // also keeps the page's address out of any request to another site.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;
