import type { Link } from '../store/link-store';
import { findLink } from '../store/link-store';

/**
 * Who is calling: the personal link behind a token's hash (strongly consistent, so a
 * revoked link fails at once), or undefined for an unknown, revoked or replaced one.
 * The API wrapper (functions/http/api-handler.ts) calls it before anything else.
 */
export function callerOf(tokenHash: string): Promise<Link | undefined> {
  return findLink(tokenHash);
}
