import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

describe('cdk synth', () => {
  it('succeeds offline with no AWS credentials and bundles every function with esbuild, not Docker', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cdk-out-'));
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && k !== 'CDK_DEFAULT_ACCOUNT'));
    // No Docker on PATH: bundling must not need it.
    const { stderr } = await promisify(execFile)('npx', ['cdk', 'synth', '--quiet', '-c', 'stage=ci', '-o', out], {
      cwd: root,
      env: { ...env, AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      timeout: 170_000,
    });

    const template = JSON.parse(readFileSync(join(out, 'ApelWfa-ci.template.json'), 'utf8'));
    type Fn = { Type: string; Properties: { Code?: { S3Key?: string }; Environment?: { Variables?: Record<string, unknown> } } };
    const functions = Object.values(template.Resources as Record<string, Fn>).filter(
      (r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.APEL_CONFIG !== undefined,
    );
    expect(functions).toHaveLength(5);
    for (const fn of functions) {
      const asset = join(out, `asset.${fn.Properties.Code!.S3Key!.replace(/\.zip$/, '')}`);
      expect(existsSync(join(asset, 'index.mjs')), `${asset}/index.mjs`).toBe(true);
    }
    expect(readdirSync(out).some((f) => f.endsWith('.template.json'))).toBe(true);
    expect(stderr).not.toMatch(/docker/i);
  }, 180_000);
});
