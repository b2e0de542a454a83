import { createHash, randomBytes } from 'node:crypto';

/** 256 bits from the OS CSPRNG, URL-safe, for the fragment of a personal link. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash is stored, so a leaked table does not leak working links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Cheap shape check before any database read: 43 base64url characters. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
