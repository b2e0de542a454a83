import { createECDH } from 'node:crypto';

/**
 * The VAPID key pair (RFC 8292) that signs every push: P-256, the private key 32 random
 * bytes from the OS CSPRNG, the public key derived from it (what the page passes to
 * `pushManager.subscribe` as `applicationServerKey`). Made once per deployment by the
 * first function that needs it (store/vapid-key-store.ts), never in the repo, the template
 * or a log. Rotation puts a new pair first and keeps the one before it, so subscriptions
 * made with the old key are still signed with it until their page subscribes again with
 * the new one (a push service refuses a message signed with a key other than the
 * subscription's).
 */
export interface VapidKey {
  /** Uncompressed P-256 point, 65 bytes, base64url. */
  publik: string;
  /** 32 bytes, base64url. Never logged. */
  privat: string;
  dibuat: string;
}

/** Current key first; at most one earlier key. */
export interface VapidKeys {
  kunci: VapidKey[];
}

export function newVapidKey(now: Date): VapidKey {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const d = ecdh.getPrivateKey();
  // Node drops leading zero bytes; VAPID wants exactly 32.
  const privat = Buffer.concat([Buffer.alloc(32 - d.length), d]).toString('base64url');
  return { publik: ecdh.getPublicKey().toString('base64url'), privat, dibuat: now.toISOString() };
}

/** A new current key; the current one stays usable for its subscriptions; the one before it goes. */
export function rotateVapidKeys(keys: VapidKeys | undefined, now: Date): VapidKeys {
  return { kunci: [newVapidKey(now), ...(keys?.kunci.slice(0, 1) ?? [])] };
}

/** Reads what the key store holds, checking that each public key is the private key's. */
export function parseVapidKeys(text: string): VapidKeys {
  const raw = JSON.parse(text) as { kunci?: unknown };
  if (!Array.isArray(raw.kunci) || raw.kunci.length === 0) throw new Error('VAPID: no key');
  const kunci = raw.kunci.map((k: Record<string, unknown>) => {
    const privat = String(k.privat);
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(privat, 'base64url'));
    if (ecdh.getPublicKey().toString('base64url') !== k.publik) throw new Error('VAPID: public key does not match its private key');
    return { publik: String(k.publik), privat, dibuat: String(k.dibuat) };
  });
  return { kunci };
}

export const currentKey = (keys: VapidKeys): VapidKey => keys.kunci[0]!;

/** The pair a subscription was made with, if it is still kept. */
export function keyFor(keys: VapidKeys, publik: string): VapidKey | undefined {
  return keys.kunci.find((k) => k.publik === publik);
}
