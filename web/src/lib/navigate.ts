import { useEffect, useState } from 'preact/hooks';

/** Changing the address without a reload, and following it (see lib/route.ts for what the address means). */

/**
 * Goes to `url` without a reload: a new history entry, or with `replace` the current one
 * rewritten (state kept in the address). `useAddress` users follow, as on Back and Forward.
 */
export function navigate(url: string, replace = false): void {
  if (replace) history.replaceState(history.state, '', url);
  else history.pushState(null, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** The address now, re-rendering on Back, Forward and `navigate`. */
export function useAddress(): Location {
  const [, changed] = useState(0);
  useEffect(() => {
    const onPop = () => changed((n) => n + 1);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  return location;
}
