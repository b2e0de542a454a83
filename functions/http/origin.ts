import { createHash, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Forbidden } from '../core/errors';

/**
 * On AWS the API is reachable two ways: through CloudFront (`<site>/api/*`) and directly
 * at its `execute-api` address, which skips everything CloudFront does. CloudFront adds a
 * secret header to every request it forwards (infra/constructs/web-site.ts); the API
 * refuses any request without it, first thing in the pipeline, so a direct flood reads
 * nothing. The secrets are made at deploy time (infra/constructs/origin-secret.ts), never
 * in the repo, and passed to the API functions in ORIGIN_SECRETS_ENV: the one CloudFront
 * sends and the one before it, so a rotation never refuses a request in flight while
 * CloudFront's edges pick up the new value (docs/operations.md). Locally the server is the
 * origin and the variable is unset: no check.
 */

export const ORIGIN_HEADER = 'x-apel-origin';
export const ORIGIN_SECRETS_ENV = 'APEL_ORIGIN_SECRETS';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The check of one process: from ORIGIN_SECRETS_ENV (comma-separated), or none when it is unset (local runtime). */
export function originCheck(env: NodeJS.ProcessEnv = process.env): (event: APIGatewayProxyEventV2) => void {
  const secrets = (env[ORIGIN_SECRETS_ENV] ?? '').split(',').filter((s) => s.length > 0).map(digest);
  if (secrets.length === 0) {
    // On Lambda the stack always sets it; without it the direct endpoint would be open.
    if (env.AWS_LAMBDA_FUNCTION_NAME) throw new Error(`${ORIGIN_SECRETS_ENV} is not set; the API would be open past CloudFront`);
    return () => {};
  }
  return (event) => {
    const sent = event.headers?.[ORIGIN_HEADER];
    // Compared as hashes in constant time, so neither the length nor the bytes leak by timing.
    const ok = sent !== undefined && secrets.some((s) => timingSafeEqual(s, digest(sent)));
    if (!ok) throw new Forbidden('ASAL_TIDAK_DIKENAL', 'Permintaan ini tidak datang melalui situs Apel WFA. Buka aplikasi dari tautan pribadi Anda.');
  };
}
