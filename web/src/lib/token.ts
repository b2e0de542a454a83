/**
 * The personal link's token. It arrives once in the URL fragment (`#t=<token>`), which never
 * reaches server or CDN logs; it is kept in localStorage so that reopening `/` still works,
 * and the fragment is removed from the address bar so it is not shared by accident.
 */

const STORAGE_KEY = 'apel-wfa.token';

/** The token in a location hash such as `#t=abc`, if any. */
export function tokenFromHash(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('t')?.trim();
  return token ? token : undefined;
}

let remembered: string | undefined;

/** Takes the token from the fragment (and stores it), else returns the stored one. */
export function takeToken(): string | undefined {
  const fromHash = tokenFromHash(location.hash);
  if (fromHash) {
    keepToken(fromHash);
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromHash;
  }
  try {
    return localStorage.getItem(STORAGE_KEY) ?? remembered;
  } catch {
    return remembered;
  }
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
