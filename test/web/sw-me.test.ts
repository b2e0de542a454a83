import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AGE_HEADER, earlyMe, HOLD_MS } from '../../web/src/sw-me';

/**
 * The service worker's GET /api/me for an installed check-in page (web/src/sw-me.ts): started with the navigation,
 * given to the page's own GET /api/me once and only for the same token, held in memory for at most HOLD_MS, never
 * cached. A fake network and a fake monotonic clock; the worker's wiring is exercised in Chromium by
 * test/e2e/presence.e2e.test.ts.
 */
const TOKEN = 'token-of-the-asn-0123456789abcdef';
const ORIGIN = 'https://apel.example.go.id';
const pageMe = (token = TOKEN, init: RequestInit = {}) =>
  new Request(`${ORIGIN}/api/me`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, ...init });

function worker(options: { token?: string | undefined; fail?: boolean } = {}) {
  let clock = 0;
  const calls: { url: string; authorization: string | null }[] = [];
  const network = vi.fn(async (input: string | Request, init?: RequestInit) => {
    const request = new Request(typeof input === 'string' ? `${ORIGIN}${input}` : input, init);
    calls.push({ url: new URL(request.url).pathname, authorization: request.headers.get('Authorization') });
    if (options.fail) throw new TypeError('Failed to fetch');
    clock += 400;
    return new Response(JSON.stringify({ asn: { nip: '198001012005011001' }, n: calls.length }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  const me = earlyMe({ token: async () => ('token' in options ? options.token : TOKEN), fetch: network, now: () => clock });
  return { me, calls, advance: (ms: number) => void (clock += ms), network };
}

describe("the service worker's GET /api/me for the installed check-in page", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('asks once at the navigation and answers the page’s own GET /api/me with it, once, with the age of the answer', async () => {
    const w = worker();
    await w.me.start();
    expect(w.calls).toEqual([{ url: '/api/me', authorization: `Bearer ${TOKEN}` }]);
    // The worker's request took 400 ms (midpoint at 200); the page asks 300 ms after the answer came.
    w.advance(300);
    const answer = await w.me.take(pageMe());
    expect(answer?.status).toBe(200);
    expect(answer?.headers.get(AGE_HEADER)).toBe('500');
    expect(await answer?.json()).toMatchObject({ n: 1 });
    // Taken: a second GET /api/me (a later load) goes to the network.
    expect(w.me.take(pageMe())).toBeUndefined();
    expect(w.calls).toHaveLength(1);
  });

  it('gives nothing to a request with another token, to another path or method, and keeps it for its own token', async () => {
    const w = worker();
    await w.me.start();
    expect(w.me.take(pageMe('another-link-token-0123456789abcd'))).toBeUndefined();
    expect(w.me.take(new Request(`${ORIGIN}/api/me`))).toBeUndefined();
    expect(w.me.take(pageMe(TOKEN, { method: 'POST', body: '{}' }))).toBeUndefined();
    expect(w.me.take(new Request(`${ORIGIN}/api/schedule`, { headers: { Authorization: `Bearer ${TOKEN}` } }))).toBeUndefined();
    expect(w.me.take(new Request(`${ORIGIN}/api/me?x=1`, { headers: { Authorization: `Bearer ${TOKEN}` } }))).toBeDefined();
  });

  it('waits for the kept token when the page asks before the worker has read it, and still gives a wrong token nothing', async () => {
    let read: (t: string) => void = () => undefined;
    const asked: (string | null)[] = [];
    const network = vi.fn(async (input: string | Request, init?: RequestInit) => {
      const request = new Request(typeof input === 'string' ? `${ORIGIN}${input}` : input, init);
      asked.push(request.headers.get('Authorization'));
      return new Response(JSON.stringify({ n: asked.length }), { status: 200 });
    });
    const me = earlyMe({ token: () => new Promise<string>((resolve) => void (read = resolve)), fetch: network, now: () => 0 });
    const started = me.start();
    const wrong = me.take(pageMe('another-link-token-0123456789abcd'));
    expect(wrong).toBeDefined();
    read(TOKEN);
    // The wrong token's request went to the network; the worker's answer is still there for the right one.
    expect(await (await wrong)?.json()).toEqual({ n: 2 });
    await started;
    const right = await me.take(pageMe());
    expect(right?.headers.get(AGE_HEADER)).toBe('0');
    expect(await right?.json()).toEqual({ n: 1 });
    expect(asked).toEqual([`Bearer ${TOKEN}`, 'Bearer another-link-token-0123456789abcd']);
  });

  it(`holds it at most ${HOLD_MS / 1000} s, then drops it and cancels its body`, async () => {
    const w = worker();
    await w.me.start();
    w.advance(HOLD_MS + 1);
    expect(w.me.take(pageMe())).toBeUndefined();
    // And the timer drops one nobody asked for.
    const again = worker();
    await again.me.start();
    vi.advanceTimersByTime(HOLD_MS);
    expect(again.me.take(pageMe())).toBeUndefined();
  });

  it('asks nothing without a kept token, and a new navigation replaces what was held', async () => {
    const none = worker({ token: undefined });
    await none.me.start();
    expect(none.calls).toHaveLength(0);
    expect(none.me.take(pageMe())).toBeUndefined();

    const w = worker();
    await w.me.start();
    await w.me.start();
    expect(w.calls).toHaveLength(2);
    expect(await (await w.me.take(pageMe()))?.json()).toMatchObject({ n: 2 });
    expect(w.me.take(pageMe())).toBeUndefined();
  });

  it("leaves the page's request to the network when the worker's failed (no network at the navigation)", async () => {
    // Failed before the page asked: nothing held, the page's request is not the worker's business.
    const w = worker({ fail: true });
    await w.me.start();
    expect(w.me.take(pageMe())).toBeUndefined();

    // Failed while the page waited for it: the worker sends the page's own request.
    let failNow: (e: Error) => void = () => undefined;
    let n = 0;
    const network = vi.fn((input: string | Request) =>
      n++ === 0 ? new Promise<Response>((_, reject) => void (failNow = reject)) : Promise.resolve(new Response('{"n":2}', { status: 200 })),
    );
    const me = earlyMe({ token: async () => TOKEN, fetch: network, now: () => 0 });
    const started = me.start();
    await vi.waitFor(() => expect(network).toHaveBeenCalledTimes(1));
    const answer = me.take(pageMe());
    failNow(new TypeError('Failed to fetch'));
    await started;
    expect(await (await answer)?.json()).toEqual({ n: 2 });
    expect((network.mock.calls[1]![0] as Request).headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('never puts an answer in the Cache API (the worker caches the shell only)', () => {
    const source = (file: string) => readFileSync(new URL(`../../web/src/${file}`, import.meta.url), 'utf8');
    expect(source('sw-me.ts')).not.toMatch(/\bcaches\b|\.put\(/);
    // sw.ts: the only cache writes are the shell's index.html and the check-in page's hashed assets.
    expect([...source('sw.ts').matchAll(/cache\.put\(([^,]+),/g)].map((m) => m[1])).toEqual(["'/index.html'", 'request']);
    expect(source('sw.ts')).toMatch(/url\.pathname\.startsWith\('\/assets\/'\) && \/\(Checkin\|Extras\|presence\|index\)-\/\.test\(url\.pathname\)\) void cache\.put\(request/);
  });
});
