/**
 * GET /api/me started by the service worker (web/src/sw.ts) when it answers the navigation
 * of an installed check-in page, so that it leaves at once rather than when the page's own
 * early script has run (a few hundred ms later on a cheap phone). The page's early GET /api/me
 * (web/index.html) is then answered with it, once, when it carries the same token.
 *
 * - The token: the copy the check-in page keeps in IndexedDB for the worker (lib/idb.ts `kunci`,
 *   key `tautan`, written once the server has accepted it: presence.ts); the same origin reads
 *   it from localStorage anyway.
 * - Only the one in-flight answer is held, in memory, for at most HOLD_MS; never in the Cache
 *   API or anywhere else (issue 15 §4: personal data is not cached). A request with another
 *   token, a second request, another path or method gets nothing from it: the network answers
 *   (when the page asks before the worker has read the token, once it has).
 * - The window ticket in the answer is timed by the page (ticket ≈ midpoint of its request and
 *   answer, on the monotonic clock): the worker's request left before the page's, so the answer
 *   carries `x-umur`, the ms from the midpoint of the worker's request and answer to the hand-over,
 *   measured on the worker's monotonic clock; the page counts the ticket from that (index.html).
 */

/** How long a started answer may wait for the page: the page waits 10 s for its early answer (lib/api.ts earlyMe). */
export const HOLD_MS = 10_000;

/** The header naming the held answer's age (ms) at hand-over; read by web/index.html's early script. */
export const AGE_HEADER = 'x-umur';

export interface EarlyMeDeps {
  /** The token the page keeps for the worker, if any. */
  token: () => Promise<string | undefined>;
  fetch: (input: string | Request, init?: RequestInit) => Promise<Response>;
  /** A monotonic clock in ms (`performance.now()`). */
  now: () => number;
}

interface Held {
  /** `Bearer <token>` once the kept token is read; '' before, and for good when there is none. */
  authorization: string;
  /** The kept token has been read (or found missing). */
  read: Promise<unknown>;
  startedAt: number;
  answer: Promise<{ res: Response; midpoint: number } | undefined>;
}

export function earlyMe(deps: EarlyMeDeps) {
  let held: Held | undefined;
  const drop = (h: Held) => {
    if (held !== h) return;
    held = undefined;
    void h.answer.then((a) => a?.res.body?.cancel().catch(() => undefined));
  };
  /** The held answer for the page, with its age (`x-umur`); the page's own request when the worker's failed. */
  const give = (h: Held, request: Request) =>
    h.answer.then((a) => {
      if (!a) return deps.fetch(request);
      const headers = new Headers(a.res.headers);
      headers.set(AGE_HEADER, String(Math.max(0, Math.round(deps.now() - a.midpoint))));
      return new Response(a.res.body, { status: a.res.status, statusText: a.res.statusText, headers });
    });

  return {
    /** On the check-in page's navigation: GET /api/me with the kept token; resolves when answered (for `waitUntil`). */
    start(): Promise<unknown> {
      if (held) drop(held);
      const startedAt = deps.now();
      const token = deps.token().catch(() => undefined);
      const h: Held = {
        authorization: '',
        read: token,
        startedAt,
        answer: token
          .then((t) => {
            if (!t) return undefined;
            h.authorization = `Bearer ${t}`;
            const sent = deps.now();
            return deps
              .fetch('/api/me', { headers: { Authorization: h.authorization, Accept: 'application/json' }, cache: 'no-store' })
              .then((res) => ({ res, midpoint: (sent + deps.now()) / 2 }));
          })
          // No token, no IndexedDB, no network: nothing held (the page's own request goes out).
          .catch(() => undefined),
      };
      held = h;
      // Held no longer than the page would wait for it.
      setTimeout(() => drop(h), HOLD_MS);
      return h.answer.then((a) => (a ? undefined : drop(h)));
    },

    /**
     * The answer for the page's `request`, if it is the page's GET /api/me with the token the
     * worker asked with, within HOLD_MS, and not taken before; undefined otherwise (the network
     * answers). When the worker's own request failed, the page's goes to the network.
     */
    take(request: Request): Promise<Response> | undefined {
      const h = held;
      if (!h || request.method !== 'GET' || new URL(request.url).pathname !== '/api/me') return undefined;
      if (deps.now() - h.startedAt > HOLD_MS) return void drop(h);
      const asked = request.headers.get('Authorization');
      if (h.authorization) {
        if (asked !== h.authorization) return undefined;
        held = undefined;
        return give(h, request);
      }
      // The kept token not read yet (IndexedDB slow to open): decided once it is; meanwhile nobody else takes it.
      held = undefined;
      return h.read.then(() => {
        if (h.authorization && asked === h.authorization) return give(h, request);
        if (!held && h.authorization) held = h;
        return deps.fetch(request);
      });
    },
  };
}
