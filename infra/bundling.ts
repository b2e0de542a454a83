import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BuildOptions } from 'esbuild';

/**
 * The esbuild options every Lambda is bundled with. `ApelFunction` maps them onto
 * NodejsFunction's bundling props and the benchmark passes them to esbuild's JS API
 * (`bundleForSize`), so the size the benchmark reports is the size that deploys.
 * No CDK import here: the benchmark should not pay for loading aws-cdk-lib.
 */

/** ESM bundles have no `require`; some CommonJS code inside dependencies still calls it. */
export const ESM_REQUIRE_SHIM = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export const esbuildOptions = {
  bundle: true,
  platform: 'node',
  // Matches Runtime.NODEJS_22_X, so esbuild leaves native syntax alone.
  target: 'node22',
  // ESM lets esbuild tree-shake the AWS SDK v3 down to the commands a function uses.
  format: 'esm',
  // Prefer the ES-module builds of dependencies (the SDK ships both); they tree-shake.
  mainFields: ['module', 'main'],
  minify: true,
  // Source maps give readable stack traces with NODE_OPTIONS=--enable-source-maps;
  // the original sources are left out of the map because traces only need positions.
  sourcemap: true,
  sourcesContent: false,
  banner: { js: ESM_REQUIRE_SHIM },
  // Nothing external: the SDK is bundled, pinned to our version and tree-shaken,
  // instead of loading the whole SDK that the runtime provides.
  external: [] as string[],
  // What a Lambda never runs, left out of what every cold start parses (only these
  // bundles: tsx, vitest and the CLI keep the real modules). Lambda hands credentials in
  // the environment, so the SDK's default chain (SSO, ini files, web identity, instance
  // metadata, and the STS and SSO clients they need; a third of the check-in bundle) is
  // an environment-only provider; DynamoDB has no event-stream operation; no DynamoDB
  // command adds endpoint discovery, so its cache is never read; Lambda always has node:crypto,
  // so the checksums need no pure-JS fallbacks; the runtime publishes its own invoke store; no
  // function paginates with the document client.
  alias: {
    '@aws-sdk/credential-provider-node': fileURLToPath(new URL('../functions/store/lambda-credentials.ts', import.meta.url)),
    '@smithy/core/event-streams': fileURLToPath(new URL('../functions/store/lambda-no-event-streams.ts', import.meta.url)),
    '@aws-sdk/middleware-endpoint-discovery': fileURLToPath(new URL('../functions/store/lambda-endpoint-discovery.ts', import.meta.url)),
    '@smithy/core/checksum': fileURLToPath(new URL('../functions/store/lambda-checksum.ts', import.meta.url)),
    '@aws/lambda-invoke-store': fileURLToPath(new URL('../functions/store/lambda-invoke-store.ts', import.meta.url)),
    // The document client and its commands without the paginators its index keeps (the package declares no `sideEffects: false`).
    '@aws-sdk/lib-dynamodb': fileURLToPath(new URL('../functions/store/lambda-lib-dynamodb.ts', import.meta.url)),
  } as Record<string, string>,
} satisfies BuildOptions;

/** Bundles one entry exactly as deployed and reports the JS size, raw and gzipped (map excluded). */
export async function bundleForSize(entry: string): Promise<{ bytes: number; gzipBytes: number }> {
  const { build } = await import('esbuild');
  const result = await build({
    ...esbuildOptions,
    entryPoints: [entry],
    // Same file name as NodejsFunction writes for ESM; needed to name the external map.
    outfile: 'index.mjs',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles.find((file) => !file.path.endsWith('.map'));
  if (!code) throw new Error(`esbuild produced no JavaScript for ${entry}`);
  return { bytes: code.contents.byteLength, gzipBytes: gzipSync(code.contents).byteLength };
}
