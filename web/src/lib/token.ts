/**
 * The personal link's token. It arrives once in the URL fragment (`#t=<token>`), which never
 * reaches server or CDN logs; it is kept in localStorage so that reopening `/` still works,
 * and the fragment is removed from the address bar so it is not shared by accident. A link
 * opened from the fragment replaces the kept one only once the server has accepted it
 * (`acceptToken`, from getMe), so an old or mistyped link never displaces a working one.
 */

const STORAGE_KEY = 'apel-wfa.token';

/** The token in a location hash such as `#t=abc`, if any. */
export function tokenFromHash(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('t')?.trim();
  return token ? token : undefined;
}

let remembered: string | undefined;

/** The token of the fragment (kept only once the server accepts it: `acceptToken`), else the kept one. */
export function takeToken(): string | undefined {
  return tokenFromHash(location.hash) ?? storedToken();
}

/** The token kept from an earlier visit, if any. */
export function storedToken(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? remembered;
  } catch {
    return remembered;
  }
}

/** The server accepted `token`: keep it for the next visits, and take it out of the address bar (a reload before that still has it). */
export function acceptToken(token: string): void {
  if (storedToken() !== token) keepToken(token);
  if (tokenFromHash(location.hash) === token) history.replaceState(history.state, '', location.pathname + location.search);
}

/** Keeps a token for the next visits, e.g. the admin's new link after re-issuing their own. */
export function keepToken(token: string): void {
  remembered = token;
  try {
    localStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Storage can be unavailable (private mode, full); the token still works for this visit.
  }
}
