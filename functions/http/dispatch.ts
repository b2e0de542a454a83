import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { RouteHandler } from './api-handler';
import type { ApiFunction, RouteKey } from './routes';
import { routesOf } from './routes';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * A function that serves several routes picks the handler by API Gateway's
 * `routeKey` (e.g. `GET /api/opd/{opd}/apel`). The handlers must cover exactly the
 * routes the route table gives this function; a mismatch fails at cold start.
 */
export function dispatch(fn: ApiFunction, handlers: readonly RouteHandler[]): Handler & { routes: RouteKey[] } {
  const byRoute = new Map(handlers.map((h) => [h.routeKey, h]));
  const expected = routesOf(fn);
  const missing = expected.filter((r) => !byRoute.has(r));
  if (missing.length > 0 || byRoute.size !== expected.length) {
    throw new Error(`${fn} must serve exactly its routes; missing: ${missing.join(', ') || '-'}`);
  }
  const served: Handler = async (event, context) => {
    const handler = byRoute.get(event.routeKey as RouteKey);
    // API Gateway only sends the routes attached to this function; anything else is a deployment mistake.
    if (!handler) return { statusCode: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Not Found' }) };
    return handler(event, context);
  };
  return Object.assign(served, { routes: [...byRoute.keys()] });
}
