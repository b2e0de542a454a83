import { execFileSync } from 'node:child_process';
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in for a push service (FCM, Mozilla autopush, Apple, WNS) on https://127.0.0.1,
 * with a self-signed certificate the sender is told to trust (`caFile`, for
 * APEL_PUSH_CA_FILE). It answers as a push service does (201 Created by default; a test
 * scripts 404, 410, 429 with Retry-After, 500 per subscription), records what arrived, and
 * — holding each subscription's private key, as the browser would — decrypts the payload
 * (RFC 8291, aes128gcm) and checks the VAPID JWT (RFC 8292: ES256, aud, exp, sub).
 */

export interface Arrival {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  status: number;
}

export interface BrowserSubscription {
  endpoint: string;
  expirationTime: null;
  keys: { p256dh: string; auth: string };
  /** The browser's side, never sent: to decrypt what arrives. */
  privateKey: Buffer;
  authSecret: Buffer;
  publicKey: Buffer;
}

export interface PushReceiver {
  url: string;
  caFile: string;
  arrivals: Arrival[];
  /** A subscription as a browser makes it, with its endpoint on this receiver. */
  subscription(id: string): BrowserSubscription;
  /** The answers this endpoint gives next, one per request (then 201). */
  script(id: string, ...answers: Array<number | { status: number; retryAfter?: string }>): void;
  /** What arrived for a subscription and was accepted (2xx), decrypted. */
  delivered(sub: BrowserSubscription): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** A self-signed P-256 certificate for 127.0.0.1, made by openssl in a scratch folder. */
function certificate(): { dir: string; key: string; cert: string; caFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'push-receiver-'));
  const keyFile = join(dir, 'key.pem');
  const caFile = join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', caFile, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' });
  return { dir, key: readFileSync(keyFile, 'utf8'), cert: readFileSync(caFile, 'utf8'), caFile };
}

export async function startPushReceiver(): Promise<PushReceiver> {
  const { dir, key, cert, caFile } = certificate();
  const arrivals: Arrival[] = [];
  const scripts = new Map<string, Array<{ status: number; retryAfter?: string }>>();
  const server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      const id = path.split('/').pop() ?? '';
      const next = scripts.get(id)?.shift() ?? { status: 201 };
      arrivals.push({ path, headers: req.headers, body: Buffer.concat(chunks), status: next.status });
      res.writeHead(next.status, { ...(next.retryAfter ? { 'retry-after': next.retryAfter } : {}), ...(next.status === 201 ? { location: `${path}/m/${arrivals.length}` } : {}) });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    caFile,
    arrivals,
    subscription(id) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const authSecret = randomBytes(16);
      const publicKey = ecdh.getPublicKey();
      return {
        endpoint: `${url}/push/${id}`,
        expirationTime: null,
        keys: { p256dh: publicKey.toString('base64url'), auth: authSecret.toString('base64url') },
        privateKey: ecdh.getPrivateKey(),
        authSecret,
        publicKey,
      };
    },
    script(id, ...answers) {
      scripts.set(id, answers.map((a) => (typeof a === 'number' ? { status: a } : a)));
    },
    delivered(sub) {
      const path = new URL(sub.endpoint).pathname;
      return arrivals.filter((a) => a.path === path && a.status < 300).map((a) => JSON.parse(decryptAes128gcm(a.body, sub).toString('utf8')));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * RFC 8291 §3.4 and RFC 8188, as the user agent decrypts: the header (salt, record size,
 * the sender's public key), ECDH with the subscription's private key, the two HKDF steps
 * with the auth secret, AES-128-GCM, and the padding delimiter (0x02 for the last record).
 */
export function decryptAes128gcm(body: Buffer, sub: Pick<BrowserSubscription, 'privateKey' | 'publicKey' | 'authSecret'>): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const senderPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (idLength !== 65 || ciphertext.length > recordSize) throw new Error('not a single aes128gcm record with a P-256 key id');

  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(sub.privateKey);
  const ecdhSecret = ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), sub.publicKey, senderPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, sub.authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));

  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(-16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, -16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('last record without its 0x02 delimiter');
  return padded.subarray(0, end);
}

/** RFC 8292: `Authorization: vapid t=<JWT>, k=<public key>`, the JWT signed ES256 by that key. */
export function checkVapid(headers: IncomingHttpHeaders, endpoint: string, now: Date): { publicKey: string; claims: { aud: string; exp: number; sub: string } } {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(String(headers.authorization ?? ''));
  if (!match) throw new Error(`no VAPID authorization: ${String(headers.authorization)}`);
  const [, jwt, k] = match as unknown as [string, string, string];
  const [head, payload, signature] = jwt.split('.') as [string, string, string];
  const header = JSON.parse(Buffer.from(head, 'base64url').toString());
  if (header.alg !== 'ES256') throw new Error(`alg ${header.alg}`);
  const point = Buffer.from(k, 'base64url');
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, format: 'jwk' });
  const ok = verify('sha256', Buffer.from(`${head}.${payload}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  if (!ok) throw new Error('VAPID signature does not verify');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { aud: string; exp: number; sub: string };
  if (claims.aud !== new URL(endpoint).origin) throw new Error(`aud ${claims.aud}`);
  const left = claims.exp - now.getTime() / 1000;
  if (!(left > 0 && left <= 24 * 3600)) throw new Error(`exp ${claims.exp} not within 24 h`);
  if (!/^(mailto:|https:)/.test(claims.sub)) throw new Error(`sub ${claims.sub}`);
  return { publicKey: k, claims };
}
