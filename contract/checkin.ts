/**
 * The hot path: an ASN taps "Hadir" (POST /api/checkins). Served by its own lean function.
 */
import type { CheckinStatus, ComplianceMark, Endpoint, Instant } from './common';

/** What the ASN sends: the sesi, and the work plan or output and uniform confirmation where asked. */
export interface CheckinRequest {
  /** `YYYY-MM-DD.pagi`, `YYYY-MM-DD.sore` (or `.demo` in the local demo mode). */
  sesiId: string;
  /** Today's work plan (pagi) or output (sore), at most 500 characters; required where the config says `wajib`. */
  laporan?: string;
  /** The ASN confirms wearing the day's uniform. */
  seragam?: boolean;
  /** The phone's proof of presence (docs/api.md, "Bukti kehadiran"); required once the link is bound or from `perangkatWajibSejak`. */
  bukti?: CheckinProof;
  /**
   * How the check-in reached the server, for the evaluation (infrastructure readiness): `ms` the
   * duration of the page's previous request as the phone measured it, `ulang` this request's retries.
   */
  jaringan?: { ms?: number; ulang?: number };
}

/**
 * A check-in signed by the phone's key: ECDSA P-256 (WebCrypto), SHA-256, over
 * `apel-wfa/hadir/1\n<tiket>\n<ms>` (UTF-8); the signature raw r‖s, base64url.
 */
export interface CheckinProof {
  /** The window ticket of GET /api/me (`bukti.tiket`) for this sesi. */
  tiket: string;
  /** Milliseconds from receiving the ticket to the tap, by the phone's monotonic clock (`performance.now()`). */
  ms: number;
  tanda: string;
  /** The phone's public key as a JWK `{kty: 'EC', crv: 'P-256', x, y}`: sent while the link is not known to be bound to it (first use binds). */
  kunci?: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
  /**
   * Passkey mode, once a passkey is registered for the link (GET /api/me `bukti.passkey`): the WebAuthn
   * assertion as @simplewebauthn/browser's startAuthentication returns it, made with user verification
   * over the challenge base64url(SHA-256(`apel-wfa/hadir/1\n<tiket>\n<ms>`)), the same message the phone's key signs.
   */
  passkey?: PasskeyAssertion;
}

/** A WebAuthn assertion (AuthenticationResponseJSON); the server reads `id` and `response`, all base64url. */
export interface PasskeyAssertion {
  id: string;
  rawId?: string;
  type?: 'public-key';
  response: { clientDataJSON: string; authenticatorData: string; signature: string; userHandle?: string };
  clientExtensionResults?: object;
  authenticatorAttachment?: string;
}

/** A recorded check-in, once per ASN and sesi. */
export interface Checkin {
  sesiId: string;
  nip: string;
  /** The ASN's OPD when they checked in. */
  opd: string;
  status: CheckinStatus;
  /** The server's clock when the tap arrived. */
  at: Instant;
  /** The work plan or output as stated (trimmed); absent when none. */
  laporan?: string;
  /** The uniform confirmation; absent when no uniform was asked. */
  seragam?: boolean;
  /** Set by a head when the uniform was not as required. */
  tidakPatuh?: ComplianceMark;
  /**
   * `passkey`: signed by the bound phone and by its passkey with user verification (fingerprint, face or
   * PIN; passkey mode); `perangkat`: signed by the phone the link is bound to; `tanpa`: no proof (allowed
   * before binding is required).
   */
  bukti?: 'passkey' | 'perangkat' | 'tanpa';
  /** Thumbprint (RFC 7638) of the key that signed it. */
  kid?: string;
  /** When the phone was tapped by the server's word (ticket time + elapsed, capped at `at`), and the ticket's time. */
  ketukPada?: Instant;
  tiketPada?: Instant;
  /** Kept on the phone without network and delivered later (30 s or more after the tap). */
  luring?: boolean;
  /** A late ASN's short reason, sent afterwards (PUT /api/me/alasan/{sesiId}) while the apel is open. */
  alasanTerlambat?: string;
}

/**
 * The answer, 201 for a new check-in, 200 for a repeat: `repeat` is true when this ASN had
 * already checked in (a retry, a second phone) and `checkin` is the first one.
 */
export interface CheckinResult {
  checkin: Checkin;
  repeat: boolean;
}

export interface CheckinRoutes {
  'POST /api/checkins': Endpoint<{ body: CheckinRequest }, CheckinResult>;
}
