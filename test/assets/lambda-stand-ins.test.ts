import { Md5 as SdkMd5, Sha256 as SdkSha256 } from '@smithy/core/checksum';
import { afterEach, describe, expect, it } from 'vitest';
import { Md5, Sha256 } from '../../functions/store/lambda-checksum';
import { resolveEndpointDiscoveryConfig } from '../../functions/store/lambda-endpoint-discovery';
import { InvokeStore } from '../../functions/store/lambda-invoke-store';
import * as SdkDocument from '@aws-sdk/lib-dynamodb';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The modules infra/bundling.ts puts in place of SDK parts in every Lambda bundle give the
 * same answers as the parts they replace (tsx and vitest keep the SDK's own, so only this
 * test and the deployed-bundle test see the stand-ins).
 */
const inputs = ['', 'apel pagi', new TextEncoder().encode('07:29 hadir'), new Uint8Array([9, 0, 255, 1, 254, 9]).subarray(1, 5)];

async function digestOf(hash: { update(d: never): void; digest(): Promise<Uint8Array> }, parts: unknown[]) {
  for (const part of parts) hash.update(part as never);
  return Buffer.from(await hash.digest()).toString('hex');
}

describe('the Lambda checksum stand-in', () => {
  it('hashes like the SDK: SHA-256, HMAC-SHA-256 and MD5, over strings, bytes and views into a larger buffer', async () => {
    for (const input of inputs) {
      expect(await digestOf(new Sha256(), [input])).toBe(await digestOf(new SdkSha256(), [input]));
      expect(await digestOf(new Sha256('kunci'), [input])).toBe(await digestOf(new SdkSha256('kunci'), [input]));
      expect(await digestOf(new Md5(), [input])).toBe(await digestOf(new SdkMd5(), [input]));
    }
    expect(await digestOf(new Sha256(), ['a', 'b'])).toBe('fb8e20fc2e4c3f248c60c39bd652f3c1347298bb977b8b4d5903b85055620603');
  });

  it('keeps a plain hash usable after its digest, refuses more data after an HMAC digest, and resets', async () => {
    const plain = new Sha256();
    plain.update('a');
    await plain.digest();
    plain.update('b');
    expect(Buffer.from(await plain.digest()).toString('hex')).toBe(await digestOf(new SdkSha256(), ['ab']));

    const hmac = new Sha256('kunci');
    hmac.update('a');
    await hmac.digest();
    expect(() => hmac.update('b')).toThrow('already finished');
    hmac.reset();
    hmac.update('b');
    expect(Buffer.from(await hmac.digest()).toString('hex')).toBe(await digestOf(new SdkSha256('kunci'), ['b']));
  });
});

describe('the Lambda invoke-store stand-in', () => {
  afterEach(() => {
    delete (globalThis as { awslambda?: unknown }).awslambda;
  });

  it("gives the runtime's store when the runtime publishes one, and nothing otherwise", async () => {
    expect(await InvokeStore.getInstanceAsync()).toBeUndefined();
    const runtimeStore = { getXRayTraceId: () => 'Root=1-abc' };
    (globalThis as { awslambda?: unknown }).awslambda = { InvokeStore: runtimeStore };
    expect(await InvokeStore.getInstanceAsync()).toBe(runtimeStore);
  });
});

describe('the Lambda endpoint-discovery stand-in', () => {
  it('resolves the same config keys as the SDK, from the setting or the provider', async () => {
    const provider = async () => true;
    const set = resolveEndpointDiscoveryConfig({ endpointDiscoveryEnabled: false, endpointDiscoveryEnabledProvider: provider }, { endpointDiscoveryCommandCtor: 'Cmd' });
    expect(await set.endpointDiscoveryEnabled()).toBe(false);
    expect(set).toMatchObject({ endpointDiscoveryCommandCtor: 'Cmd', isClientEndpointDiscoveryEnabled: true });

    const unset = resolveEndpointDiscoveryConfig({ endpointDiscoveryEnabledProvider: provider }, { endpointDiscoveryCommandCtor: 'Cmd' });
    expect(unset.endpointDiscoveryEnabled).toBe(provider);
    expect(unset.isClientEndpointDiscoveryEnabled).toBe(false);
  });
});

describe('the Lambda lib-dynamodb stand-in', () => {
  /** Every name the functions import from '@aws-sdk/lib-dynamodb' (type-only imports left out). */
  function namesImported(dir: string): string[] {
    const names = new Set<string>();
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const source = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      for (const m of source.matchAll(/import\s+\{([^}]*)\}\s+from\s+'@aws-sdk\/lib-dynamodb'/g)) {
        for (const name of m[1]!.split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type '))) names.add(name);
      }
    }
    return [...names].sort();
  }

  it('gives the document client and every command the functions import, the same classes as the package, and no paginator', async () => {
    const standIn: Record<string, unknown> = await import('../../functions/store/lambda-lib-dynamodb');
    const used = namesImported(new URL('../../functions/', import.meta.url).pathname);

    expect(used).toContain('DynamoDBDocumentClient');
    for (const name of used) {
      expect(typeof standIn[name], name).toBe('function');
      expect((standIn[name] as { name: string }).name).toBe((SdkDocument as Record<string, { name: string }>)[name]!.name);
    }
    expect(Object.keys(standIn).filter((k) => k.startsWith('paginate'))).toEqual([]);
    expect(Object.keys(SdkDocument).filter((k) => k.startsWith('paginate')).length).toBeGreaterThan(0);
  });
});
