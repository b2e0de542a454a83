import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Unauthenticated } from '../core/errors';
import { hashToken, looksLikeToken } from '../core/token';
import type { Link } from '../store/link-store';
import { findLink } from '../store/link-store';

export const LINK_INVALID = () =>
  new Unauthenticated(
    'TAUTAN_TIDAK_BERLAKU',
    'Tautan ini tidak berlaku lagi (dicabut atau diganti). Minta tautan baru kepada admin kepegawaian.',
  );

/** The hash of the bearer token; malformed tokens are refused without touching the database. */
export function bearerTokenHash(event: APIGatewayProxyEventV2): string {
  const header = event.headers?.authorization ?? event.headers?.Authorization ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) {
    throw new Unauthenticated('TAUTAN_TIDAK_ADA', 'Buka aplikasi ini dari tautan pribadi yang dibagikan admin kepegawaian.');
  }
  if (!looksLikeToken(token)) throw LINK_INVALID();
  return hashToken(token);
}

export async function authenticate(event: APIGatewayProxyEventV2): Promise<Link> {
  const link = await findLink(bearerTokenHash(event));
  if (!link) throw LINK_INVALID();
  return link;
}
