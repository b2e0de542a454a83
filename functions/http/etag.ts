import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { json } from './response';

/**
 * Conditional answers for pages that poll: the ETag is a hash of what the page shows,
 * and a poll whose `If-None-Match` matches it gets a bodiless 304, so a head's phone
 * polling a roll every 15 s downloads the roll only when it changed.
 */
/** The request's If-None-Match header (API Gateway lower-cases header names; tests may not). */
export function ifNoneMatch(event: APIGatewayProxyEventV2): string | undefined {
  return event.headers?.['if-none-match'] ?? event.headers?.['If-None-Match'];
}

/** The bodiless answer to a poll whose ETag still holds (a use case decided so, e.g. the live roll's stamp). */
export function notModified(etag: string): APIGatewayProxyStructuredResultV2 {
  return { statusCode: 304, headers: { etag, 'cache-control': 'no-cache' }, body: '' };
}

/** Headers of a 200 answer carrying an ETag a poll will send back. */
export const etagHeaders = (etag: string) => ({ etag, 'cache-control': 'no-cache' });

export function jsonWithEtag(event: APIGatewayProxyEventV2, body: object, volatile: Record<string, unknown> = {}): APIGatewayProxyStructuredResultV2 {
  const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
  const seen = ifNoneMatch(event);
  if (seen && seen.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return notModified(etag);
  return json(200, { ...volatile, ...body }, etagHeaders(etag));
}
