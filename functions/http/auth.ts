import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { linkInvalid, linkMissing } from '../core/errors';
import { hashToken, looksLikeToken } from '../core/token';

/** The hash of the bearer token; malformed tokens are refused without touching the database. */
export function bearerTokenHash(event: APIGatewayProxyEventV2): string {
  const header = event.headers?.authorization ?? event.headers?.Authorization ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) throw linkMissing();
  if (!looksLikeToken(token)) throw linkInvalid();
  return hashToken(token);
}
