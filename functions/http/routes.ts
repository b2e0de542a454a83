/**
 * Every HTTP route of the API and the Lambda function that serves it, in one list.
 * The CDK stack adds exactly these routes to the HTTP API, the local server matches
 * requests against them the way API Gateway does (route key with `{param}`s), and a
 * test checks that each function's dispatcher serves exactly its routes.
 *
 * Functions are grouped by who calls them and how hot they are: the check-in has its
 * own lean function; an ASN's page, the heads' pages and the admin console each have
 * one, so a cold start of one never delays another.
 */

export const API_FUNCTIONS = ['checkin', 'me', 'schedule', 'opd', 'admin'] as const;
export type ApiFunction = (typeof API_FUNCTIONS)[number];

export const ROUTES = {
  'POST /api/checkins': 'checkin',

  'GET /api/me': 'me',
  'POST /api/kesiapan/{cekId}': 'me',

  'GET /api/schedule': 'schedule',

  'GET /api/opd': 'opd',
  'GET /api/opd/{opd}/apel': 'opd',
  'GET /api/opd/{opd}/izin': 'opd',
  'POST /api/opd/{opd}/izin': 'opd',
  'DELETE /api/opd/{opd}/izin/{izinId}': 'opd',
  'PUT /api/opd/{opd}/seragam/{sesiId}/{nip}': 'opd',
  'GET /api/opd/{opd}/kesiapan': 'opd',
  'POST /api/opd/{opd}/kesiapan': 'opd',
  'GET /api/opd/{opd}/tautan-apel': 'opd',
  'PUT /api/opd/{opd}/tautan-apel': 'opd',
  'GET /api/opd/{opd}/rekap': 'opd',
  'GET /api/opd/{opd}/rekap.csv': 'opd',

  'GET /api/admin/ringkasan': 'admin',
  'GET /api/admin/audit': 'admin',
  'POST /api/admin/roster/pratinjau': 'admin',
  'POST /api/admin/roster/impor': 'admin',
  'GET /api/admin/asn': 'admin',
  'POST /api/admin/asn': 'admin',
  'GET /api/admin/asn/{nip}': 'admin',
  'PATCH /api/admin/asn/{nip}': 'admin',
  'GET /api/admin/opd': 'admin',
  'POST /api/admin/opd': 'admin',
  'PATCH /api/admin/opd/{kode}': 'admin',
  'PUT /api/admin/opd/{kode}/wfa': 'admin',
  'GET /api/admin/kalender': 'admin',
  'PUT /api/admin/kalender/libur/{tanggal}': 'admin',
  'DELETE /api/admin/kalender/libur/{tanggal}': 'admin',
  'POST /api/admin/kalender/libur/impor': 'admin',
  'PUT /api/admin/kalender/hari/{tanggal}': 'admin',
  'DELETE /api/admin/kalender/hari/{tanggal}': 'admin',
  'POST /api/admin/sesi/{sesiId}/gangguan': 'admin',
  'POST /api/admin/tautan': 'admin',
} as const satisfies Record<string, ApiFunction>;

export type RouteKey = keyof typeof ROUTES;

export function routesOf(fn: ApiFunction): RouteKey[] {
  return (Object.keys(ROUTES) as RouteKey[]).filter((k) => ROUTES[k] === fn);
}

export interface RouteMatch {
  routeKey: RouteKey;
  pathParameters: Record<string, string>;
}

/**
 * API Gateway's matching, for the local server: literal segments first, then
 * `{param}` segments, each matching one non-empty path segment.
 */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  const segments = path.split('/');
  let best: { match: RouteMatch; literals: number } | undefined;
  for (const routeKey of Object.keys(ROUTES) as RouteKey[]) {
    const [m, template = ''] = routeKey.split(' ');
    if (m !== method) continue;
    const parts = template.split('/');
    if (parts.length !== segments.length) continue;
    const pathParameters: Record<string, string> = {};
    let literals = 0;
    const ok = parts.every((part, i) => {
      const seg = segments[i] ?? '';
      const param = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!param) return part === seg && ++literals > 0;
      if (seg === '') return false;
      try {
        pathParameters[param] = decodeURIComponent(seg);
      } catch {
        return false;
      }
      return true;
    });
    if (ok && (!best || literals > best.literals)) best = { match: { routeKey, pathParameters }, literals };
  }
  return best?.match;
}
