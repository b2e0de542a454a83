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

export const API_FUNCTIONS = ['checkin', 'me', 'schedule', 'opd', 'admin', 'survei', 'reminders', 'passkey'] as const;
export type ApiFunction = (typeof API_FUNCTIONS)[number];

/**
 * Who may call a route, checked by the API wrapper before the body is read:
 * `asn` any valid personal link; `opd` a head of the OPD named in the path (or of
 * their own OPD where the path names none) or an admin; `admin` an admin only;
 * `publik` anyone, without a link (the Survei Kepuasan Masyarakat: only the `survei`
 * function serves these, and it can write survey answers and nothing else).
 */
export type Access = 'asn' | 'opd' | 'admin' | 'publik';

export interface Route {
  fn: ApiFunction;
  access: Access;
}

export const ROUTES = {
  'POST /api/checkins': { fn: 'checkin', access: 'asn' },

  'GET /api/me': { fn: 'me', access: 'asn' },
  'GET /api/me/riwayat': { fn: 'me', access: 'asn' },
  'PUT /api/me/alasan/{sesiId}': { fn: 'me', access: 'asn' },
  'POST /api/kesiapan/{cekId}': { fn: 'me', access: 'asn' },
  // The phone's key for its link: binds an unbound link, else asks the head to approve a new phone.
  'POST /api/perangkat': { fn: 'me', access: 'asn' },

  // Passkey mode: registering the phone's passkey; its own function, so the WebAuthn library loads nowhere else.
  'POST /api/passkey/opsi': { fn: 'passkey', access: 'asn' },
  'POST /api/passkey': { fn: 'passkey', access: 'asn' },

  // Reminders on or off for a device: their own function, the only API one that may read the VAPID key.
  'GET /api/me/pengingat': { fn: 'reminders', access: 'asn' },
  'PUT /api/me/pengingat': { fn: 'reminders', access: 'asn' },
  'DELETE /api/me/pengingat': { fn: 'reminders', access: 'asn' },

  'GET /api/schedule': { fn: 'schedule', access: 'asn' },

  'GET /api/opd': { fn: 'opd', access: 'opd' },
  'GET /api/opd/{opd}/apel': { fn: 'opd', access: 'opd' },
  'POST /api/opd/{opd}/apel/{sesiId}/pengingat': { fn: 'opd', access: 'opd' },
  'GET /api/opd/{opd}/izin': { fn: 'opd', access: 'opd' },
  'POST /api/opd/{opd}/izin': { fn: 'opd', access: 'opd' },
  'DELETE /api/opd/{opd}/izin/{izinId}': { fn: 'opd', access: 'opd' },
  'PUT /api/opd/{opd}/seragam/{sesiId}/{nip}': { fn: 'opd', access: 'opd' },
  'GET /api/opd/{opd}/kesiapan': { fn: 'opd', access: 'opd' },
  'POST /api/opd/{opd}/kesiapan': { fn: 'opd', access: 'opd' },
  'GET /api/opd/{opd}/tautan-apel': { fn: 'opd', access: 'opd' },
  'PUT /api/opd/{opd}/tautan-apel': { fn: 'opd', access: 'opd' },
  'GET /api/opd/{opd}/rekap': { fn: 'opd', access: 'opd' },
  'GET /api/opd/{opd}/rekap.csv': { fn: 'opd', access: 'opd' },
  'POST /api/opd/{opd}/perangkat/{nip}': { fn: 'opd', access: 'opd' },
  'PUT /api/opd/{opd}/penilaian/{sesiId}/{nip}': { fn: 'opd', access: 'opd' },
  // The evaluation: a head's own OPD, or (admin) the regency or the OPD in `?opd=`.
  'GET /api/opd/evaluasi': { fn: 'opd', access: 'opd' },
  'GET /api/opd/evaluasi.csv': { fn: 'opd', access: 'opd' },
  'GET /api/opd/{opd}/tpp': { fn: 'opd', access: 'opd' },
  'GET /api/opd/{opd}/tpp.csv': { fn: 'opd', access: 'opd' },
  'GET /api/opd/{opd}/survei': { fn: 'opd', access: 'opd' },

  'GET /api/admin/ringkasan': { fn: 'admin', access: 'admin' },
  'GET /api/admin/audit': { fn: 'admin', access: 'admin' },
  'POST /api/admin/roster/pratinjau': { fn: 'admin', access: 'admin' },
  'POST /api/admin/roster/impor': { fn: 'admin', access: 'admin' },
  'GET /api/admin/asn': { fn: 'admin', access: 'admin' },
  'POST /api/admin/asn': { fn: 'admin', access: 'admin' },
  'GET /api/admin/asn/{nip}': { fn: 'admin', access: 'admin' },
  'PATCH /api/admin/asn/{nip}': { fn: 'admin', access: 'admin' },
  'GET /api/admin/opd': { fn: 'admin', access: 'admin' },
  'POST /api/admin/opd': { fn: 'admin', access: 'admin' },
  'PATCH /api/admin/opd/{kode}': { fn: 'admin', access: 'admin' },
  'PUT /api/admin/opd/{kode}/wfa': { fn: 'admin', access: 'admin' },
  'GET /api/admin/kalender': { fn: 'admin', access: 'admin' },
  'PUT /api/admin/kalender/libur/{tanggal}': { fn: 'admin', access: 'admin' },
  'DELETE /api/admin/kalender/libur/{tanggal}': { fn: 'admin', access: 'admin' },
  'POST /api/admin/kalender/libur/impor': { fn: 'admin', access: 'admin' },
  'PUT /api/admin/kalender/hari/{tanggal}': { fn: 'admin', access: 'admin' },
  'DELETE /api/admin/kalender/hari/{tanggal}': { fn: 'admin', access: 'admin' },
  'POST /api/admin/sesi/{sesiId}/gangguan': { fn: 'admin', access: 'admin' },
  'POST /api/admin/tautan': { fn: 'admin', access: 'admin' },
  'POST /api/admin/epresensi/pratinjau': { fn: 'admin', access: 'admin' },
  'POST /api/admin/epresensi/impor': { fn: 'admin', access: 'admin' },
  'GET /api/admin/tpp': { fn: 'admin', access: 'admin' },
  'GET /api/admin/tpp.csv': { fn: 'admin', access: 'admin' },

  // The Survei Kepuasan Masyarakat's public page (from the QR poster): no personal link.
  'GET /api/survei/{opd}': { fn: 'survei', access: 'publik' },
  'POST /api/survei/{opd}': { fn: 'survei', access: 'publik' },
} as const satisfies Record<string, Route>;

export type RouteKey = keyof typeof ROUTES;

export const ROUTE_KEYS = Object.keys(ROUTES) as RouteKey[];

export function routesOf(fn: ApiFunction): RouteKey[] {
  return ROUTE_KEYS.filter((k) => ROUTES[k].fn === fn);
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
  for (const routeKey of ROUTE_KEYS) {
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
