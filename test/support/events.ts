import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { apiGatewayEvent } from '../../functions/local/server';

type Handler = (event: ReturnType<typeof apiGatewayEvent>, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** Calls an HTTP handler with an API Gateway v2 event and returns status and parsed body. */
export async function call(
  handler: Handler,
  r: { method?: string; path: string; token?: string; body?: unknown; rawBody?: string },
): Promise<{ status: number; body: any; headers: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (r.token !== undefined) headers.authorization = `Bearer ${r.token}`;
  const event = apiGatewayEvent({
    method: r.method ?? 'GET',
    url: new URL(r.path, 'http://localhost'),
    headers,
    body: r.rawBody ?? (r.body === undefined ? undefined : JSON.stringify(r.body)),
  });
  const result = await handler(event, { awsRequestId: 'test' } as Context);
  return { status: result.statusCode ?? 200, body: JSON.parse(result.body ?? 'null'), headers: result.headers ?? {} };
}
