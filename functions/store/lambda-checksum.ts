import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';

/**
 * What a Lambda bundle has in place of `@smithy/core/checksum` (infra/bundling.ts aliases
 * it here). The clients take only `Sha256` (request signing) and SQS also `Md5` (message
 * checksums) from it; the original module also carries pure-JS SHA-256, MD5 and CRC32 for
 * runtimes without `node:crypto`, which Lambda always has. Same interface as the SDK's
 * `Checksum`: update, an async digest that leaves the hash usable, reset.
 */
type Data = string | ArrayBuffer | ArrayBufferView;

function bytes(data: Data): string | Buffer {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

function view(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export class Sha256 {
  readonly digestLength = 32;
  private hash: Hash | Hmac;
  private finished = false;

  constructor(private readonly secret?: Data) {
    this.hash = this.create();
  }

  update(data: Data): void {
    if (this.finished) throw new Error('Attempted to update an already finished hash.');
    this.hash.update(bytes(data));
  }

  async digest(): Promise<Uint8Array> {
    // An HMAC cannot be copied, so it is finished by its digest; a plain hash is copied.
    if (this.secret) {
      this.finished = true;
      return view((this.hash as Hmac).digest());
    }
    return view((this.hash as Hash).copy().digest());
  }

  reset(): void {
    this.hash = this.create();
    this.finished = false;
  }

  private create(): Hash | Hmac {
    return this.secret ? createHmac('sha256', bytes(this.secret)) : createHash('sha256');
  }
}

export class Md5 {
  readonly digestLength = 16;
  private hash = createHash('md5');

  update(data: Data): void {
    this.hash.update(bytes(data));
  }

  async digest(): Promise<Uint8Array> {
    return view(this.hash.copy().digest());
  }

  reset(): void {
    this.hash = createHash('md5');
  }
}
