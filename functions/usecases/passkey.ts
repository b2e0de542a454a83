import { createHash, createPublicKey } from 'node:crypto';
import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { decodeAttestationObject, decodeClientDataJSON, decodeCredentialPublicKey, parseAuthenticatorData } from '@simplewebauthn/server/helpers';
import type { ApelConfig } from '../core/config';
import { Conflict, Forbidden, InvalidInput } from '../core/errors';
import type { Passkey, Site } from '../core/passkey';
import { passkeyChallenge, passkeyMessage } from '../core/passkey';
import { readTicket, requireOwnTicket, verifyDeviceSignature } from '../core/presence';
import type { Link } from '../store/link-store';
import { savePasskey } from '../store/passkey-store';
import type { PresenceSettings } from './presence';
import { issueTicket } from './presence';

/**
 * Registering a passkey (passkey mode, issue 15 §2), in its own function: the attestation's
 * CBOR and COSE are parsed here by @simplewebauthn/server (87 kB gzip, never in the check-in's
 * or the ASN page's bundle), and what an assertion needs afterwards goes on the link item
 * (core/passkey.ts), so the check-in verifies with node:crypto alone.
 *
 * Only the phone the link is bound to registers: the request is signed by its key (a forwarded
 * link on another phone cannot put its own passkey on the link). The challenge is stateless like
 * a check-in's: base64url(SHA-256(`apel-wfa/passkey/1\n<ticket>`)) over a fresh window ticket.
 */

/** COSE algorithms accepted: EdDSA, ES256 (Android, iPhone), RS256 (Windows Hello); the hot path verifies these three. */
const ALGORITHMS = [-8, -7, -257];

export interface PasskeySettings extends PresenceSettings {
  config: PresenceSettings['config'] & Pick<ApelConfig, 'buktiKehadiran' | 'regency'>;
}

function requireMode(settings: PasskeySettings): Site {
  if (settings.config.buktiKehadiran !== 'passkey' || !settings.site) {
    throw new Conflict('PASSKEY_TIDAK_DIPAKAI', 'Kabupaten ini tidak memakai sidik jari (passkey) untuk presensi; presensi cukup dari ponsel Anda.');
  }
  return settings.site;
}

function requireBound(who: Link) {
  if (!who.perangkat) {
    throw new Conflict('PERANGKAT_BELUM_TERIKAT', 'Tautan Anda belum terikat ke ponsel ini. Muat ulang halaman dengan jaringan menyala, lalu daftarkan sidik jari.');
  }
  return who.perangkat;
}

/**
 * POST /api/passkey/opsi: the options for navigator.credentials.create() (platform authenticator,
 * user verification required), with a fresh ticket whose message is their challenge.
 */
export async function passkeyOptions(who: Link, now: Date, settings: PasskeySettings) {
  const site = requireMode(settings);
  requireBound(who);
  const tiket = issueTicket(who.nip, null, now, settings);
  const opsi = await generateRegistrationOptions({
    rpName: `Apel WFA ${settings.config.regency}`,
    rpID: site.rpId,
    userName: who.nip,
    // Stable per ASN (a new registration replaces the phone's old passkey for this site), and not the NIP itself.
    userID: new Uint8Array(createHash('sha256').update(`apel-wfa/pengguna/${who.nip}`).digest().subarray(0, 16)),
    challenge: new Uint8Array(Buffer.from(passkeyChallenge(passkeyMessage(tiket)), 'base64url')),
    attestationType: 'none',
    excludeCredentials: who.passkey ? [{ id: who.passkey.id }] : [],
    authenticatorSelection: { authenticatorAttachment: 'platform', residentKey: 'preferred', userVerification: 'required' },
    supportedAlgorithmIDs: ALGORITHMS,
    timeout: 120_000,
  });
  return { tiket, opsi };
}

const malformed = () => new InvalidInput('PASSKEY_TIDAK_VALID', 'Pendaftaran sidik jari tidak berbentuk benar. Muat ulang halaman, lalu daftarkan lagi.');

/** The public key of a COSE_Key (EC2 P-256, OKP Ed25519, RSA) as SPKI DER, base64url. */
function spkiOf(coseKey: Parameters<typeof decodeCredentialPublicKey>[0]): { key: string; alg: number } {
  const k = decodeCredentialPublicKey(coseKey) as unknown as Map<number, number | Uint8Array>;
  const b64u = (v: unknown) => Buffer.from(v as Uint8Array).toString('base64url');
  const kty = k.get(1);
  const jwk =
    kty === 2 && k.get(-1) === 1
      ? { kty: 'EC', crv: 'P-256', x: b64u(k.get(-2)), y: b64u(k.get(-3)) }
      : kty === 1 && k.get(-1) === 6
        ? { kty: 'OKP', crv: 'Ed25519', x: b64u(k.get(-2)) }
        : kty === 3
          ? { kty: 'RSA', n: b64u(k.get(-1)), e: b64u(k.get(-2)) }
          : undefined;
  const alg = k.get(3);
  if (!jwk || typeof alg !== 'number' || !ALGORITHMS.includes(alg)) throw malformed();
  return { key: createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'der' }).toString('base64url'), alg };
}

/**
 * POST /api/passkey: `{tiket, tanda, respons}`, the ticket of POST /api/passkey/opsi, the phone's
 * signature over `apel-wfa/passkey/1\n<tiket>` and navigator.credentials.create()'s answer as
 * @simplewebauthn/browser gives it. Malformed: 400; another ASN's or an expired ticket, a
 * signature not by the bound phone, an answer for another challenge, origin or site, or
 * without user verification: 403; the link bound to another phone meanwhile: 409. A
 * registration replaces the link's earlier passkey. Nothing is written when refused.
 */
export async function registerPasskey(who: Link, body: { tiket?: unknown; tanda?: unknown; respons?: unknown }, now: Date, settings: PasskeySettings): Promise<{ passkey: string }> {
  const site = requireMode(settings);
  const ticket = readTicket(body.tiket, settings.secrets.accepted);
  requireOwnTicket(ticket, who.nip, ticket.sesiId);
  if (now.getTime() > ticket.exp) throw new Forbidden('TIKET_KEDALUWARSA', 'Tiket pendaftaran sudah kedaluwarsa. Muat ulang halaman, lalu daftarkan lagi.');
  const device = requireBound(who);
  const message = passkeyMessage(body.tiket as string);
  verifyDeviceSignature(device.key, message, body.tanda);

  // The checks that have their own answer come first, on the decoded parts; the library then checks the whole.
  const response = body.respons as RegistrationResponseJSON;
  let flags: number;
  let rpIdHash: Uint8Array;
  let client: { type?: unknown; challenge?: unknown; origin?: unknown; topOrigin?: unknown };
  try {
    client = decodeClientDataJSON(response.response.clientDataJSON);
    const authData = parseAuthenticatorData(decodeAttestationObject(new Uint8Array(Buffer.from(response.response.attestationObject, 'base64url'))).get('authData'));
    flags = authData.flags.flagsInt;
    rpIdHash = authData.rpIdHash;
  } catch {
    throw malformed();
  }
  const expected = passkeyChallenge(message);
  const siteHash = createHash('sha256').update(site.rpId).digest();
  if (client.type !== 'webauthn.create' || client.challenge !== expected || client.origin !== site.origin || client.topOrigin !== undefined || !siteHash.equals(rpIdHash)) {
    throw new Forbidden('PASSKEY_TIDAK_COCOK', 'Pendaftaran sidik jari tidak cocok dengan permintaan ini atau situs ini. Muat ulang halaman, lalu daftarkan lagi.');
  }
  if ((flags & 5) !== 5) {
    throw new Forbidden('PASSKEY_TANPA_VERIFIKASI', 'Ponsel tidak memverifikasi Anda (sidik jari, wajah atau PIN). Daftarkan lagi dan ikuti permintaan ponsel.');
  }
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: expected,
      expectedOrigin: site.origin,
      expectedRPID: site.rpId,
      requireUserVerification: true,
      supportedAlgorithmIDs: ALGORITHMS,
    });
  } catch {
    throw malformed();
  }
  if (!verified.verified) throw malformed();
  const { credential } = verified.registrationInfo;
  const passkey: Passkey = { id: credential.id, ...spkiOf(credential.publicKey), counter: credential.counter, at: now.toISOString() };
  await savePasskey(who, device.kid, passkey);
  return { passkey: passkey.id };
}
