import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { json } from './response';

/**
 * Conditional answers for pages that poll: the ETag is a hash of what the page shows,
 * and a poll whose `If-None-Match` matches it gets a bodiless 304, so a head's phone
 * polling a roll every 15 s downloads the roll only when it changed.
 */
export function jsonWithEtag(event: APIGatewayProxyEventV2, body: object, volatile: Record<string, unknown> = {}): APIGatewayProxyStructuredResultV2 {
  const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
  const seen = event.headers?.['if-none-match'] ?? event.headers?.['If-None-Match'];
  if (seen && seen.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
    return { statusCode: 304, headers: { etag, 'cache-control': 'no-cache' }, body: '' };
  }
  return json(200, { ...volatile, ...body }, { etag, 'cache-control': 'no-cache' });
}
