import { describe, expectTypeOf, it } from 'vitest';
import type { ApiRoutes, ResponseOf } from '../../contract';
import type { RouteKey } from '../../functions/http/routes';
import { ROUTE_KEYS } from '../../functions/http/routes';

/**
 * The wire contract (contract/) declares every route of the route table once. Checked by the
 * type checker (`npm test` runs tsc on test/): a route added to functions/http/routes.ts
 * without its shapes, or a shape left for a route that is gone, fails here.
 */
describe('the wire contract', () => {
  it('has the request and response of exactly the routes of the route table', () => {
    expectTypeOf<keyof ApiRoutes>().toEqualTypeOf<RouteKey>();
    // The runtime list is the same table the types come from.
    expectTypeOf(ROUTE_KEYS).toEqualTypeOf<RouteKey[]>();
  });

  it('names each answer by its route key', () => {
    expectTypeOf<ResponseOf<'GET /api/me'>['asn']['role']>().toEqualTypeOf<'asn' | 'pimpinan' | 'admin'>();
    expectTypeOf<ResponseOf<'POST /api/admin/tautan'>['aksi']>().toEqualTypeOf<'terbitkan' | 'cabut'>();
  });
});
