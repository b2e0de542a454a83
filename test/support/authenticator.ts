import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

/**
 * A platform authenticator in software, for tests: it makes the registration response and the
 * assertions a phone's passkey would (as @simplewebauthn/browser hands them to the page), with
 * the algorithm, flags and counter a test chooses. Attestation `none`, as platform passkeys give.
 */

export type Alg = -7 | -8 | -257;

const b64u = (b: Buffer | Uint8Array) => Buffer.from(b).toString('base64url');
const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest();

/** The COSE_Key of a public key (RFC 9053): EC2 P-256, OKP Ed25519 or RSA. */
function coseKey(publicKey: KeyObject, alg: Alg): ReturnType<typeof isoCBOR.encode> {
  const jwk = publicKey.export({ format: 'jwk' });
  const bytes = (v: string | undefined) => new Uint8Array(Buffer.from(v!, 'base64url'));
  const map = new Map<number, number | Uint8Array>(
    alg === -7
      ? [[1, 2], [3, -7], [-1, 1], [-2, bytes(jwk.x)], [-3, bytes(jwk.y)]]
      : alg === -8
        ? [[1, 1], [3, -8], [-1, 6], [-2, bytes(jwk.x)]]
        : [[1, 3], [3, -257], [-1, bytes(jwk.n)], [-2, bytes(jwk.e)]],
  );
  return isoCBOR.encode(map);
}

export interface AssertionOptions {
  challenge: string;
  rpId: string;
  origin: string;
  /** User present / verified flags (default both). */
  up?: boolean;
  uv?: boolean;
  /** The counter to report (default: one more than the last). */
  counter?: number;
  type?: string;
}

export function softAuthenticator(alg: Alg = -7, options: { countsSignatures?: boolean } = {}) {
  const { publicKey, privateKey } =
    alg === -7 ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : alg === -8 ? generateKeyPairSync('ed25519') : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const credentialId = randomBytes(16);
  const id = b64u(credentialId);
  const counts = options.countsSignatures ?? true;
  let counter = 0;

  const authData = (rpId: string, flags: number, n: number, attested?: Buffer) => {
    const head = Buffer.alloc(37);
    sha256(rpId).copy(head, 0);
    head[32] = flags;
    head.writeUInt32BE(n, 33);
    return attested ? Buffer.concat([head, attested]) : head;
  };
  const signOver = (data: Buffer) => sign(alg === -8 ? null : 'sha256', data, privateKey);

  return {
    id,
    alg,
    /** navigator.credentials.create(): the RegistrationResponseJSON. */
    register(o: { challenge: string; rpId: string; origin: string; uv?: boolean }) {
      const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.create', challenge: o.challenge, origin: o.origin, crossOrigin: false }));
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(credentialId.length);
      const attested = Buffer.concat([Buffer.alloc(16), idLength, credentialId, Buffer.from(coseKey(publicKey, alg))]);
      // Flags: UP, UV (unless told otherwise), AT (attested credential data).
      const data = authData(o.rpId, 0x01 | (o.uv === false ? 0 : 0x04) | 0x40, 0, attested);
      const attestationObject = isoCBOR.encode(new Map<string, unknown>([['fmt', 'none'], ['attStmt', new Map()], ['authData', new Uint8Array(data)]]) as never);
      return {
        id,
        rawId: id,
        type: 'public-key' as const,
        response: { clientDataJSON: b64u(clientDataJSON), attestationObject: b64u(attestationObject), transports: ['internal'] },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform' as const,
      };
    },
    /** navigator.credentials.get(): the AuthenticationResponseJSON. */
    assert(o: AssertionOptions) {
      const n = o.counter ?? (counts ? ++counter : 0);
      const clientDataJSON = Buffer.from(JSON.stringify({ type: o.type ?? 'webauthn.get', challenge: o.challenge, origin: o.origin, crossOrigin: false }));
      const data = authData(o.rpId, (o.up === false ? 0 : 0x01) | (o.uv === false ? 0 : 0x04), n);
      const signature = signOver(Buffer.concat([data, sha256(clientDataJSON)]));
      return {
        id,
        rawId: id,
        type: 'public-key' as const,
        response: { clientDataJSON: b64u(clientDataJSON), authenticatorData: b64u(data), signature: b64u(signature) },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform' as const,
      };
    },
    /** The public key as SPKI DER, base64url (what registration keeps on the link item). */
    spki: () => b64u(publicKey.export({ format: 'der', type: 'spki' })),
    /** The COSE public key (what @simplewebauthn/server's WebAuthnCredential holds). */
    cose: () => coseKey(publicKey, alg),
  };
}

export type SoftAuthenticator = ReturnType<typeof softAuthenticator>;
