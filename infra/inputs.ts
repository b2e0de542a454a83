import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ApelConfig, ConfigError, parseConfig } from '../functions/core/config';

/**
 * What the CDK app reads from disk before it builds anything: the deployment's
 * config and the web build. Both are checked up front so a mistake stops `cdk synth`
 * with one readable line instead of a stack trace from deep inside a construct.
 */

/** A missing or unusable input; the app prints the message and exits non-zero. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Reads and validates apel.config.json (or the file given with `-c config=path`). */
export function loadConfig(path: string): ApelConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`Config file not found: ${path}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseConfig(raw, path);
}

/** The site is deployed from the Vite build output, which the app does not build itself. */
export function requireWebBuild(dir: string): string {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new InputError(`Web build not found at ${dir} (no index.html): run npm run build first`);
  }
  return dir;
}

/** True for the errors the app reports as a message rather than a stack trace. */
export function isInputError(error: unknown): error is Error {
  return error instanceof InputError || error instanceof ConfigError;
}
