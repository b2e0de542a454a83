/**
 * Proof of presence on the phone (issue 15), in its own chunk: fetched while GET /api/me is on
 * its way, so the check-in page's first download stays small.
 *
 * - The device key: ECDSA P-256 made by WebCrypto with a non-extractable private key, kept in
 *   IndexedDB (lib/idb.ts); `navigator.storage.persist()` asks the browser not to evict it. Its
 *   public key (JWK) goes to the server on the first open (binding the link) and with a check-in
 *   while the link is not known to be bound to it.
 * - Each check-in and "Saya siap" is signed over the window ticket of GET /api/me; a check-in
 *   carries the monotonic time from the ticket to the tap (`performance.now()`).
 * - A tap without network is kept on the phone (lib/outbox.ts) and sent on Background Sync, on
 *   `online` and on the next open.
 */
import type { CheckinProof, CheckinRequest, Me } from '../../../../contract';
import { idbGet, idbPut } from '../../lib/idb';
import type { Delivery } from '../../lib/outbox';
import { keep, keptTaps, sendKept, SYNC_TAG } from '../../lib/outbox';

export { keptTaps };

/**
 * Sends the taps kept on the phone. A tap made on a page opened without network had no ticket
 * of that page's life: it is signed now with a fresh one, so it counts when it arrives.
 */
export async function deliverKept(fetchMe: () => Promise<{ me: Me; ticketPerf: number }>): Promise<Delivery[]> {
  const kept = await keptTaps();
  if (kept.length === 0) return [];
  if (kept.some((k) => !k.body.bukti)) {
    const fresh = await fetchMe().catch(() => undefined);
    for (const k of kept) {
      // (Passkey mode: the fingerprint is asked now; cancelled, the tap waits for the next try.)
      const bukti = !k.body.bukti && fresh ? await checkinProof(fresh.me, fresh.ticketPerf).catch(() => undefined) : undefined;
      if (bukti) await idbPut('antrean', k.sesiId, { ...k, body: { ...k.body, bukti } });
    }
  }
  return sendKept();
}

type Jwk = NonNullable<CheckinProof['kunci']>;
interface Device {
  pair: CryptoKeyPair;
  jwk: Jwk;
  kid: string;
}

const b64u = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

let device: Promise<Device | undefined> | undefined;

/** This phone's key, made on first use; undefined where the browser has no WebCrypto or IndexedDB (then the page works unsigned, where allowed). */
export function deviceKey(): Promise<Device | undefined> {
  return (device ??= (async () => {
    if (!crypto?.subtle || typeof indexedDB === 'undefined') return undefined;
    try {
      const kept = await idbGet<Device>('kunci', 'perangkat');
      if (kept) return kept;
      const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
      const { x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
      const jwk: Jwk = { kty: 'EC', crv: 'P-256', x: x!, y: y! };
      // RFC 7638 thumbprint, as the server names the key (core/presence.ts keyId).
      const kid = b64u(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`{"crv":"P-256","kty":"EC","x":"${x}","y":"${y}"}`)));
      const made = { pair, jwk, kid };
      await idbPut('kunci', 'perangkat', made);
      // Asked once, when the key is made: a persisted origin is not evicted under storage pressure.
      void navigator.storage?.persist?.();
      return made;
    } catch {
      return undefined;
    }
  })());
}
// Out of IndexedDB (or made) as soon as this chunk runs (index.html runs it before the page's script), while
// GET /api/me is on its way: a tap does not wait for it. Only on the check-in page with a link (index.html's early
// script set apelMe); not on the head's, admin or survey pages, which load the same index.html.
// Then the phone's first Intl.DateTimeFormat (loading its ICU data: 0.1-0.2 s at CPU ×4, more under load), which the
// page's first render with data would otherwise pay: on a first visit now falls in the wait for the page's script,
// on an installed page after the IndexedDB request has left.
if ((globalThis as { apelMe?: unknown }).apelMe) {
  void deviceKey();
  new Intl.DateTimeFormat('id-ID').format(0);
}

const sign = async (d: Device, message: string) =>
  b64u(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, d.pair.privateKey, new TextEncoder().encode(message)));

/** This phone's key's signature over `message` (a passkey's registration), undefined without a key. */
export async function deviceSign(message: string): Promise<string | undefined> {
  const d = await deviceKey();
  return d && sign(d, message);
}

export type PasskeyChunk = typeof import('./passkey');
let passkeyChunk: Promise<PasskeyChunk> | undefined;
/** The passkey chunk (passkey.tsx, with @simplewebauthn/browser), fetched only in passkey mode. */
const loadPasskey = () => (passkeyChunk ??= import('./passkey' + '').catch((e) => ((passkeyChunk = undefined), Promise.reject(e))));

/** The proof of a check-in: the ticket, the time from it to now, the signature, and the key while the link is not bound to it. */
export async function checkinProof(me: Me, ticketPerf: number): Promise<CheckinProof | undefined> {
  // The tap's time since the ticket, taken at the tap, not after waiting for the key (a cheap phone opens IndexedDB slowly).
  const ms = Math.max(0, Math.round(performance.now() - ticketPerf));
  const d = await deviceKey();
  // No ticket of this page's life (opened without network): signed when sent (`deliverKept`).
  if (!d || !me.bukti || !Number.isFinite(ticketPerf)) return undefined;
  const { tiket } = me.bukti;
  const message = `apel-wfa/hadir/1\n${tiket}\n${ms}`;
  // Passkey mode, once registered: the fingerprint prompt over the same message (its refusal is shown, nothing is sent).
  const passkey = me.bukti.passkey ? await (await loadPasskey()).assertion(me.bukti.passkey, message) : undefined;
  const binds = me.bukti.perangkat !== d.kid;
  // This check-in binds the link: no POST /api/perangkat beside it (`attach`).
  if (binds) clearTimeout(bindLater);
  return { tiket, ms, tanda: await sign(d, message), ...(binds ? { kunci: d.jwk } : {}), ...(passkey ? { passkey } : {}) };
}

/** The proof of "Saya siap" to readiness check `cekId`. */
export async function readinessProof(me: Me, cekId: string) {
  const d = await deviceKey();
  if (!d || !me.bukti) return {};
  const { tiket } = me.bukti;
  return { bukti: { tiket, tanda: await sign(d, `apel-wfa/siap/1\n${tiket}\n${cekId}`), ...(me.bukti.perangkat !== d.kid ? { kunci: d.jwk } : {}) } };
}

export type DeviceState = 'terikat' | 'menunggu' | 'tanpa';

/** How long an unbound link's binding waits for the tap that would bind it (see `attach`). */
export const BIND_AFTER_MS = 5_000;
let bindLater: ReturnType<typeof setTimeout> | undefined;

/** The link is not bound yet and the sesi its ticket is for is open and not checked in: the tap is expected. */
export const tapDue = (me: Me) =>
  !!me.bukti && !me.bukti.perangkat && me.today.some((s) => s.id === me.bukti.sesiId && s.state === 'dibuka' && s.status === 'belum');

/** Where this phone stands with the link; an unbound link binds to it now, another phone's link gets its request. */
export async function registerDevice(token: string, me: Me): Promise<DeviceState> {
  const d = await deviceKey();
  if (!d || !me.bukti) return 'tanpa';
  if (me.bukti.perangkat === d.kid) return 'terikat';
  if (me.bukti.menunggu === d.kid) return 'menunggu';
  // A plain fetch (this chunk shares no module with the page's, so it stays one file): no answer, ask again at the next open.
  const res = await fetch('/api/perangkat', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ kunci: d.jwk }),
    cache: 'no-store',
  });
  return res.ok ? ((await res.json()) as { status: DeviceState }).status : 'tanpa';
}

/** Keeps a signed tap on the phone, and asks for Background Sync where the browser has it. */
export async function keepTap(token: string, body: CheckinRequest): Promise<boolean> {
  // Without a device key nothing could sign it later.
  if (!(await deviceKey())) return false;
  await keep({ sesiId: body.sesiId, token, body, keptAt: Date.now() });
  try {
    const reg = (await navigator.serviceWorker?.ready) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
    await reg?.sync?.register(SYNC_TAG);
  } catch {
    // No Background Sync: sent on `online` and on the next open.
  }
  return true;
}

/** The page's words about the phone and its kept taps (here, so the check-in page's first download stays small). */
export const WORDS = {
  menunggu:
    'Ponsel ini menunggu persetujuan. Tautan Anda sudah terpasang di ponsel lain; permintaan memakai ponsel ini sudah dikirim ke pimpinan OPD Anda. Setelah disetujui, halaman ini berubah sendiri.',
  tersimpan: 'Tersimpan di ponsel, akan dikirim otomatis saat jaringan kembali. Yang dihitung waktu Anda mengetuk, bukan waktu terkirim.',
  tanpaJaringan: 'Tanpa jaringan: data terakhir yang tersimpan di ponsel.',
  tautanLama: 'Tautan yang baru dibuka tidak berlaku; halaman ini tetap memakai tautan Anda yang tersimpan.',
};

const LAST = 'apel-wfa.me';

/** The last GET /api/me of this link, for a page opened without network (this page's own data only, replaced on every load). */
export function lastKnown(token: string): Me | undefined {
  try {
    const kept = JSON.parse(localStorage.getItem(LAST) ?? 'null') as { token: string; me: Me } | null;
    return kept?.token === token ? kept.me : undefined;
  } catch {
    return undefined;
  }
}

/** What the page lets this chunk do. */
export interface Page {
  token: string;
  /** GET /api/me again (fresh ticket, new binding state). */
  reload: () => void;
  fetchMe: () => Promise<{ me: Me; ticketPerf: number }>;
  /** A kept tap was delivered (its check-in), refused (a message), or is still waiting. */
  delivered: (d: Delivery) => void;
  device: (state: DeviceState) => void;
  /** Passkey mode, on the phone the link is bound to: the passkey chunk, whose card offers registering one. */
  passkey?: (chunk: PasskeyChunk) => void;
}

/**
 * Runs the phone's side while the page is open: taps kept on the phone go out now and when the
 * network returns; `seen(me)` binds the link (or asks the head) after each GET /api/me, and while
 * this phone waits for approval the page looks again every 15 s. Returns the cleanup.
 */
export function attach(page: Page): { seen: (me: Me, offline?: boolean) => void; stop: () => void } {
  let timer: ReturnType<typeof setInterval> | undefined;
  // The service worker (web/src/sw.ts): the page opens without network next time, and kept taps go out on Background Sync.
  void navigator.serviceWorker?.register('/sw.js').catch(() => undefined);
  const deliver = async () => {
    for (const d of await deliverKept(page.fetchMe)) page.delivered(d);
  };
  void deliver();
  addEventListener('online', deliver);
  return {
    seen(me, offline) {
      if (offline) return;
      try {
        localStorage.setItem(LAST, JSON.stringify({ token: page.token, me }));
      } catch {
        // no storage: no offline page
      }
      // Passkey mode: its chunk now, so the tap's fingerprint prompt does not wait for it.
      const passkeyMode = me.bukti?.passkey !== undefined;
      if (passkeyMode) void loadPasskey().catch(() => undefined);
      const register = () =>
        registerDevice(page.token, me).then((state) => {
          page.device(state);
          if (passkeyMode && state === 'terikat') void loadPasskey().then((chunk) => page.passkey?.(chunk), () => undefined);
          if (state === 'menunggu') timer ??= setInterval(page.reload, 15_000);
          else if (timer) timer = void clearInterval(timer);
        }, () => undefined);
      clearTimeout(bindLater);
      // An unbound link while its open apel waits for the tap: the check-in binds it in its own transaction
      // (functions/usecases/check-in.ts), so POST /api/perangkat waits (BIND_AFTER_MS, or for good once the tap is
      // signed with the key: checkinProof) rather than go beside the check-in, on the line and on the link's item (two
      // transactions on one item at once: one is cancelled, and a cancelled check-in is tried again a second later).
      if (tapDue(me)) bindLater = setTimeout(register, BIND_AFTER_MS);
      else void register();
    },
    stop() {
      clearTimeout(bindLater);
      removeEventListener('online', deliver);
      if (timer) clearInterval(timer);
    },
  };
}
