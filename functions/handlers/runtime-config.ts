import type { ApelConfig } from '../core/config';
import { parseConfig } from '../core/config';

/**
 * The deployment's config, passed to every function as `APEL_CONFIG` (JSON) by the
 * CDK stack or the local runtime. Read and validated once at load, so a bad
 * deployment fails at cold start rather than on someone's check-in.
 */
function load(): ApelConfig {
  const raw = process.env.APEL_CONFIG;
  if (!raw) throw new Error('Environment variable APEL_CONFIG is not set');
  return parseConfig(JSON.parse(raw), 'APEL_CONFIG');
}

export const config = load();
