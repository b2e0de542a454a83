import { createHash, createPublicKey, verify } from 'node:crypto';
import { Conflict, Forbidden, InvalidInput } from './errors';

/**
 * Passkey mode (config `buktiKehadiran: "passkey"`, issue 15 §2): on top of the phone's key, a
 * check-in carries a WebAuthn assertion with user verification (fingerprint, face or the phone's
 * PIN) by the passkey registered for the link.
 *
 * Registration parses CBOR and COSE (the `passkey` function, with @simplewebauthn/server) and
 * keeps on the link item what an assertion needs: the credential id, its public key as SPKI DER,
 * its COSE algorithm and signature counter. Verifying an assertion then needs only node:crypto,
 * so it runs here, in the check-in's own bundle (test/core/passkey.test.ts holds it
 * against @simplewebauthn/server's verifyAuthenticationResponse on the same inputs).
 */

/** A link's passkey as its item keeps it. */
export interface Passkey {
  /** Credential id, base64url. */
  id: string;
  /** Public key, SPKI DER, base64url. */
  key: string;
  /** COSE algorithm: -7 ES256, -8 EdDSA, -257 RS256. */
  alg: number;
  /** The authenticator's signature counter when last seen (0: it does not count). */
  counter: number;
  at: string;
}

/** Where the site is (its configured address, never a request header): the RP id and the origin. */
export interface Site {
  rpId: string;
  origin: string;
}

export const siteOf = (url: string): Site => ({ rpId: new URL(url).hostname, origin: new URL(url).origin });

/** The WebAuthn challenge for `message`: SHA-256, base64url (so a check-in's covers its ticket and its elapsed time). */
export const passkeyChallenge = (message: string) => createHash('sha256').update(message).digest('base64url');

/** What the phone's key and the passkey sign to register the passkey (with a fresh ticket of GET /api/me or POST /api/passkey/opsi). */
export const passkeyMessage = (ticket: string) => `apel-wfa/passkey/1\n${ticket}`;

const B64U = /^[A-Za-z0-9_-]{1,2800}$/;

const malformed = () => new InvalidInput('PASSKEY_TIDAK_VALID', 'Bukti sidik jari (passkey) tidak berbentuk benar. Muat ulang halaman, lalu coba lagi.');
const mismatch = () => new Forbidden('PASSKEY_TIDAK_COCOK', 'Bukti sidik jari tidak cocok dengan apel ini atau situs ini. Muat ulang halaman, lalu ketuk lagi.');

/**
 * Checks a WebAuthn assertion (as @simplewebauthn/browser's startAuthentication gives it:
 * `{id, response: {clientDataJSON, authenticatorData, signature}}`) against the link's passkey:
 * its form (400 PASSKEY_TIDAK_VALID), the credential (403 PASSKEY_LAIN), clientDataJSON's type,
 * challenge and origin and authData's RP id hash (403 PASSKEY_TIDAK_COCOK), user present and
 * verified (403 PASSKEY_TANPA_VERIFIKASI), and the signature over authData ‖ SHA-256(clientDataJSON)
 * (403 PASSKEY_TIDAK_COCOK). Returns the authenticator's counter; the write that records the
 * check-in keeps it, on condition that it went up (store/checkin-store.ts), so a cloned
 * authenticator is refused without a read.
 */
export function verifyPasskeyAssertion(passkey: Passkey, raw: unknown, challenge: string, site: Site): number {
  const r = (raw as { response?: Record<string, unknown> } | null)?.response;
  const id = (raw as { id?: unknown } | null)?.id;
  const parts = [id, r?.clientDataJSON, r?.authenticatorData, r?.signature];
  if (!parts.every((p) => typeof p === 'string' && B64U.test(p))) throw malformed();
  const [clientData, authData, signature] = (parts.slice(1) as string[]).map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
  let client: Record<string, unknown> | null;
  try {
    client = JSON.parse(clientData.toString('utf8'));
  } catch {
    throw malformed();
  }
  if (!client || typeof client !== 'object' || authData.length < 37) throw malformed();
  if (id !== passkey.id) throw new Forbidden('PASSKEY_LAIN', 'Sidik jari ini tidak terdaftar untuk tautan Anda. Daftarkan sidik jari lagi dari halaman ini.');
  if (client.type !== 'webauthn.get' || client.challenge !== challenge || client.origin !== site.origin || client.topOrigin !== undefined) throw mismatch();
  if (!authData.subarray(0, 32).equals(createHash('sha256').update(site.rpId).digest())) throw mismatch();
  // Flags: bit 0 user present, bit 2 user verified (fingerprint, face or PIN).
  if ((authData[32]! & 5) !== 5) {
    throw new Forbidden('PASSKEY_TANPA_VERIFIKASI', 'Ponsel tidak memverifikasi Anda (sidik jari, wajah atau PIN). Ketuk lagi dan ikuti permintaan ponsel.');
  }
  const signed = Buffer.concat([authData, createHash('sha256').update(clientData).digest()]);
  let ok = false;
  try {
    const key = createPublicKey({ key: Buffer.from(passkey.key, 'base64url'), format: 'der', type: 'spki' });
    ok = passkey.alg === -8 ? verify(null, signed, key, signature) : verify('sha256', signed, passkey.alg === -7 ? { key, dsaEncoding: 'der' } : key, signature);
  } catch {
    // A signature of the wrong form for the key: not made by it.
  }
  if (!ok) throw mismatch();
  return authData.readUInt32BE(33);
}

/** A passkey registered for the link but none given with a check-in (passkey mode). */
export const passkeyRequired = () =>
  new Forbidden('PASSKEY_DIPERLUKAN', 'Presensi dari tautan ini memerlukan sidik jari (passkey) yang sudah didaftarkan. Muat ulang halaman, lalu ketuk lagi.');

/** The counter did not go up: the same authenticator's signature again, or a copy of it. */
export const passkeyReplayed = () =>
  new Conflict('PASSKEY_DIULANG', 'Bukti sidik jari ini sudah pernah dipakai (penghitung passkey tidak naik). Ketuk lagi; bila berulang, daftarkan sidik jari lagi.');
