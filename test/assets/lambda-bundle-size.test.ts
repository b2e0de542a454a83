import { describe, expect, it } from 'vitest';
import { bundleForSize } from '../../infra/bundling';

/**
 * The check-in function is what most ASN meet cold at 07:30, so its bundle has a budget
 * (issue 13's goal: ≤ 80 kB gzip; 82.7 kB with the proof-of-presence check, 79.9 kB once the
 * checksums, invoke store and endpoint discovery were stood in for: infra/bundling.ts). Bundled exactly as
 * `cdk synth` bundles it (infra/bundling.ts);
 * a size, not a timing, so it is the same on every machine. The import time is a
 * benchmark: `npm run bench:coldstart`.
 */
const CHECKIN_BUDGET_GZIP_BYTES = 80 * 1024;

describe('the check-in Lambda bundle', () => {
  it('stays within 80 kB gzip', async () => {
    const { gzipBytes } = await bundleForSize(new URL('../../functions/handlers/checkin.ts', import.meta.url).pathname);

    expect(gzipBytes).toBeLessThanOrEqual(CHECKIN_BUDGET_GZIP_BYTES);
  });
});
