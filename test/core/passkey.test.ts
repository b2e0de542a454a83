import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Passkey } from '../../functions/core/passkey';
import { passkeyChallenge, siteOf, verifyPasskeyAssertion } from '../../functions/core/passkey';
import { checkinMessage, signTicket } from '../../functions/core/presence';
import type { Alg, AssertionOptions, SoftAuthenticator } from '../support/authenticator';
import { softAuthenticator } from '../support/authenticator';

/**
 * The hot path's WebAuthn assertion check (core/passkey.ts), node:crypto only: its rules and
 * edge cases, and the same inputs given to @simplewebauthn/server's verifyAuthenticationResponse,
 * which must agree on every one (as test/assets/lambda-stand-ins.test.ts holds the Lambda
 * stand-ins against the SDK parts they replace).
 */

const site = siteOf('https://apel.bolselkab.go.id');
const SECRET = 'rahasia-uji-0123456789abcdef0123456789';
const NIP = '199001012020121001';

const stored = (a: SoftAuthenticator, counter = 0): Passkey => ({ id: a.id, key: a.spki(), alg: a.alg, counter, at: '2026-11-30T00:00:00.000Z' });

/** A check-in's challenge as the page makes it: the ticket of GET /api/me and the elapsed ms. */
function checkinChallenge(sesiId = '2026-11-30.pagi', ms = 3000) {
  const at = Date.now();
  const tiket = signTicket(SECRET, { nip: NIP, sesiId, at, exp: at + 30 * 60_000 });
  return passkeyChallenge(checkinMessage(tiket, ms));
}

const good = (challenge: string): AssertionOptions => ({ challenge, rpId: site.rpId, origin: site.origin });

describe('verifying a passkey assertion on the hot path', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T07:10:00+08:00'));
  });
  afterEach(() => vi.useRealTimers());

  it.each<[string, Alg]>([
    ['ES256 (Android, iPhone)', -7],
    ['RS256 (Windows Hello)', -257],
    ['EdDSA', -8],
  ])('accepts a verified assertion over the check-in challenge, %s, and returns its counter', (_, alg) => {
    const phone = softAuthenticator(alg);
    const challenge = checkinChallenge();

    const counter = verifyPasskeyAssertion(stored(phone), phone.assert(good(challenge)), challenge, site);

    expect(counter).toBe(1);
  });

  it('ties the challenge to the ticket and the elapsed time: another sesi or another ms is another challenge', () => {
    const pagi = checkinChallenge('2026-11-30.pagi', 3000);

    expect(checkinChallenge('2026-11-30.sore', 3000)).not.toBe(pagi);
    expect(checkinChallenge('2026-11-30.pagi', 3001)).not.toBe(pagi);
    expect(pagi).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses an assertion made for another challenge (another sesi), origin, site or type (403 PASSKEY_TIDAK_COCOK)', () => {
    const phone = softAuthenticator();
    const challenge = checkinChallenge();
    const cases = [
      { ...good(checkinChallenge('2026-11-30.sore')) },
      { ...good(challenge), origin: 'https://apel.example.com' },
      { ...good(challenge), rpId: 'example.com' },
      { ...good(challenge), type: 'webauthn.create' },
    ];

    for (const c of cases) {
      expect(() => verifyPasskeyAssertion(stored(phone), phone.assert(c), challenge, site)).toThrow(expect.objectContaining({ code: 'PASSKEY_TIDAK_COCOK', kind: 'forbidden' }));
    }
  });

  it('refuses an assertion without user verification or presence (403 PASSKEY_TANPA_VERIFIKASI)', () => {
    const phone = softAuthenticator();
    const challenge = checkinChallenge();

    for (const flags of [{ uv: false }, { up: false }]) {
      expect(() => verifyPasskeyAssertion(stored(phone), phone.assert({ ...good(challenge), ...flags }), challenge, site)).toThrow(
        expect.objectContaining({ code: 'PASSKEY_TANPA_VERIFIKASI', kind: 'forbidden' }),
      );
    }
  });

  it("refuses another passkey (403 PASSKEY_LAIN) and a signature by another key under the link's credential id (403)", () => {
    const mine = softAuthenticator();
    const other = softAuthenticator();
    const challenge = checkinChallenge();

    expect(() => verifyPasskeyAssertion(stored(mine), other.assert(good(challenge)), challenge, site)).toThrow(expect.objectContaining({ code: 'PASSKEY_LAIN' }));
    const forged = { ...other.assert(good(challenge)), id: mine.id };
    expect(() => verifyPasskeyAssertion(stored(mine), forged, challenge, site)).toThrow(expect.objectContaining({ code: 'PASSKEY_TIDAK_COCOK' }));
  });

  it('refuses tampered bytes: authenticator data, client data or signature (403)', () => {
    const phone = softAuthenticator();
    const challenge = checkinChallenge();
    const a = phone.assert(good(challenge));
    const flip = (s: string, at: number) => {
      const b = Buffer.from(s, 'base64url');
      b[at] = b[at]! ^ 0x01;
      return b.toString('base64url');
    };

    for (const response of [
      { ...a.response, authenticatorData: flip(a.response.authenticatorData, 36) },
      { ...a.response, clientDataJSON: Buffer.from(Buffer.from(a.response.clientDataJSON, 'base64url').toString().replace('"crossOrigin":false', '"crossOrigin":false ')).toString('base64url') },
      { ...a.response, signature: flip(a.response.signature, 20) },
    ]) {
      expect(() => verifyPasskeyAssertion(stored(phone), { ...a, response }, challenge, site)).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    }
  });

  it('refuses malformed input with 400 PASSKEY_TIDAK_VALID', () => {
    const phone = softAuthenticator();
    const challenge = checkinChallenge();
    const a = phone.assert(good(challenge));

    for (const bad of [
      undefined,
      'passkey',
      {},
      { id: a.id },
      { ...a, id: 42 },
      { ...a, response: { ...a.response, signature: 'bukan base64url!' } },
      { ...a, response: { ...a.response, clientDataJSON: Buffer.from('bukan json').toString('base64url') } },
      { ...a, response: { ...a.response, clientDataJSON: Buffer.from('null').toString('base64url') } },
      { ...a, response: { ...a.response, authenticatorData: 'AAAA' } },
      { ...a, response: { ...a.response, authenticatorData: 'A'.repeat(5000) } },
    ]) {
      expect(() => verifyPasskeyAssertion(stored(phone), bad, challenge, site)).toThrow(expect.objectContaining({ code: 'PASSKEY_TIDAK_VALID', kind: 'invalid' }));
    }
  });
});

describe('the hot-path verifier against @simplewebauthn/server', () => {
  /** The library's verdict on the same input, the same credential, the same site and challenge. */
  async function library(phone: SoftAuthenticator, response: unknown, challenge: string, counter = 0): Promise<boolean> {
    try {
      const out = await verifyAuthenticationResponse({
        response: response as never,
        expectedChallenge: challenge,
        expectedOrigin: site.origin,
        expectedRPID: site.rpId,
        credential: { id: phone.id, publicKey: phone.cose(), counter },
        requireUserVerification: true,
      });
      return out.verified;
    } catch {
      return false;
    }
  }
  function ours(phone: SoftAuthenticator, response: unknown, challenge: string): boolean {
    try {
      verifyPasskeyAssertion(stored(phone), response, challenge, site);
      return true;
    } catch {
      return false;
    }
  }

  it.each<[string, Alg]>([
    ['ES256', -7],
    ['RS256', -257],
    ['EdDSA', -8],
  ])('agrees on valid and tampered assertions, %s', async (_, alg) => {
    const phone = softAuthenticator(alg);
    const challenge = passkeyChallenge('apel-wfa/hadir/1\nt1.uji\n1200');
    const a = phone.assert(good(challenge));
    const bytes = (s: string) => Buffer.from(s, 'base64url');
    const flip = (s: string, at: number) => {
      const b = bytes(s);
      b[at] = b[at]! ^ 0x80;
      return b.toString('base64url');
    };
    const inputs: Array<[string, unknown]> = [
      ['valid', a],
      ['another challenge', phone.assert({ ...good(passkeyChallenge('lain')) })],
      ['another origin', phone.assert({ ...good(challenge), origin: 'http://localhost:3000' })],
      ['another RP id', phone.assert({ ...good(challenge), rpId: 'localhost' })],
      ['registration type', phone.assert({ ...good(challenge), type: 'webauthn.create' })],
      ['user not verified', phone.assert({ ...good(challenge), uv: false })],
      ['user not present', phone.assert({ ...good(challenge), up: false })],
      ['flipped rpIdHash', { ...a, response: { ...a.response, authenticatorData: flip(a.response.authenticatorData, 0) } }],
      ['flipped counter', { ...a, response: { ...a.response, authenticatorData: flip(a.response.authenticatorData, 33) } }],
      ['flipped signature', { ...a, response: { ...a.response, signature: flip(a.response.signature, 10) } }],
      ['signature of another key', { ...a, response: { ...a.response, signature: softAuthenticator(alg).assert(good(challenge)).response.signature } }],
      ['client data swapped', { ...a, response: { ...a.response, clientDataJSON: phone.assert(good(challenge)).response.clientDataJSON.replace(/.$/, 'x') } }],
      ['empty signature', { ...a, response: { ...a.response, signature: '' } }],
      ['truncated authenticator data', { ...a, response: { ...a.response, authenticatorData: bytes(a.response.authenticatorData).subarray(0, 36).toString('base64url') } }],
    ];

    const verdicts = await Promise.all(inputs.map(async ([name, input]) => [name, ours(phone, input, challenge), await library(phone, input, challenge)] as const));

    for (const [name, mine, theirs] of verdicts) expect({ name, verified: mine }).toEqual({ name, verified: theirs });
    expect(verdicts.filter(([, mine]) => mine).map(([name]) => name)).toEqual(['valid']);
  });

  it('agrees on the counter the write keeps: the library refuses one that did not go up, our write condition does (store)', async () => {
    const phone = softAuthenticator();
    const challenge = passkeyChallenge('apel-wfa/hadir/1\nt1.uji\n5');
    const a = phone.assert({ ...good(challenge), counter: 7 });

    const counter = verifyPasskeyAssertion(stored(phone), a, challenge, site);

    expect(counter).toBe(7);
    expect(await library(phone, a, challenge, 6)).toBe(true);
    expect(await library(phone, a, challenge, 7)).toBe(false);
  });
});
