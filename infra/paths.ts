import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths the CDK app needs, resolved from this file so `cdk` works from any working directory. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const HANDLERS_DIR = join(REPO_ROOT, 'functions', 'handlers');
export const WEB_DIST_DIR = join(REPO_ROOT, 'web', 'dist');
export const DEFAULT_CONFIG_PATH = join(REPO_ROOT, 'apel.config.json');
export const LOCK_FILE = join(REPO_ROOT, 'package-lock.json');
