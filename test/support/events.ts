import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { matchRoute } from '../../functions/http/routes';
import { apiGatewayEvent } from '../../functions/local/server';

type Handler = (event: ReturnType<typeof apiGatewayEvent>, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Calls an HTTP handler with an API Gateway v2 event (route key and path parameters
 * matched from the route table, as API Gateway does) and returns status, headers and
 * the body (parsed when it is JSON, else the text).
 */
export async function call(
  handler: Handler,
  r: { method?: string; path: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
): Promise<{ status: number; body: any; text: string; headers: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...r.headers };
  if (r.token !== undefined) headers.authorization = `Bearer ${r.token}`;
  const method = r.method ?? 'GET';
  const url = new URL(r.path, 'http://localhost');
  const event = apiGatewayEvent({
    method,
    url,
    headers,
    body: r.rawBody ?? (r.body === undefined ? undefined : JSON.stringify(r.body)),
    ...matchRoute(method, url.pathname),
  });
  const result = await handler(event, { awsRequestId: 'test' } as Context);
  const text = result.body ?? '';
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: result.statusCode ?? 200, body, text, headers: result.headers ?? {} };
}
