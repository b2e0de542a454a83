import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { ApiFunction, RouteKey } from './routes';
import { ROUTES } from './routes';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * A function that serves several routes picks the handler by API Gateway's
 * `routeKey` (e.g. `GET /api/opd/{opd}/apel`). The map must cover exactly the
 * routes the route table gives this function; a mismatch fails at cold start.
 */
export function dispatch(fn: ApiFunction, handlers: Partial<Record<RouteKey, Handler>>): Handler & { routes: RouteKey[] } {
  const routes = Object.keys(handlers) as RouteKey[];
  const wrong = routes.filter((r) => ROUTES[r].fn !== fn);
  if (wrong.length > 0) throw new Error(`Routes not served by ${fn}: ${wrong.join(', ')}`);
  const served: Handler = async (event, context) => {
    const handler = handlers[event.routeKey as RouteKey];
    // API Gateway only sends the routes attached to this function; anything else is a deployment mistake.
    if (!handler) return { statusCode: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Not Found' }) };
    return handler(event, context);
  };
  return Object.assign(served, { routes });
}
