import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { GetParameterCommand, ParameterAlreadyExists, ParameterNotFound, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { VapidKeys } from '../core/vapid';
import { parseVapidKeys, rotateVapidKeys } from '../core/vapid';

/**
 * Where the deployment's VAPID keys (core/vapid.ts) live:
 * - on AWS, one SSM Parameter Store **SecureString** of the standard tier
 *   (`APEL_VAPID_PARAMETER`, named after the stack): free to keep, encrypted with the
 *   account's AWS-managed key `aws/ssm` (no monthly key fee), readable only by the two
 *   functions granted `ssm:GetParameter` on that one name (the subscribe route and the
 *   sender). CloudFormation cannot make a SecureString, and the key must not pass through
 *   the template, so the first of the two functions that needs it makes it
 *   (`PutParameter` without overwrite: of two at once, one wins and the other reads it);
 * - locally, a 0600 file in the data folder (`APEL_VAPID_FILE`, `.data/vapid.json`), made
 *   at first use like DynamoDB Local's key;
 * - in tests without either, in memory (one pair per process).
 * Rotation (`npm run apel -- kunci-pengingat --putar`) writes a new pair in front of the
 * current one. A warm function keeps what it read for 5 minutes.
 */

export const VAPID_PARAMETER_ENV = 'APEL_VAPID_PARAMETER';
export const VAPID_FILE_ENV = 'APEL_VAPID_FILE';

const KEEP_MS = 5 * 60_000;
let kept: { keys: VapidKeys; until: number } | undefined;
let inMemory: VapidKeys | undefined;
let ssm: SSMClient | undefined;

export async function vapidKeys(now = new Date()): Promise<VapidKeys> {
  if (kept && now.getTime() < kept.until) return kept.keys;
  const keys = await load(now);
  kept = { keys, until: now.getTime() + KEEP_MS };
  return keys;
}

/** A new current pair, the current one kept for the subscriptions made with it. */
export async function rotateKeys(now = new Date()): Promise<VapidKeys> {
  const next = rotateVapidKeys(await load(now), now);
  await save(next, true);
  kept = undefined;
  return next;
}

async function load(now: Date): Promise<VapidKeys> {
  const parameter = process.env[VAPID_PARAMETER_ENV];
  if (parameter) {
    const found = await readParameter(parameter);
    if (found) return found;
    const made = rotateVapidKeys(undefined, now);
    try {
      await save(made, false);
      return made;
    } catch (e) {
      if (e instanceof ParameterAlreadyExists) return (await readParameter(parameter))!;
      throw e;
    }
  }
  const file = process.env[VAPID_FILE_ENV];
  if (file) {
    if (existsSync(file)) return parseVapidKeys(readFileSync(file, 'utf8'));
    const made = rotateVapidKeys(undefined, now);
    await save(made, false);
    return made;
  }
  inMemory ??= rotateVapidKeys(undefined, now);
  return inMemory;
}

async function readParameter(name: string): Promise<VapidKeys | undefined> {
  ssm ??= new SSMClient({});
  try {
    const out = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
    return parseVapidKeys(out.Parameter?.Value ?? '');
  } catch (e) {
    if (e instanceof ParameterNotFound) return undefined;
    throw e;
  }
}

async function save(keys: VapidKeys, overwrite: boolean): Promise<void> {
  const value = JSON.stringify(keys);
  const parameter = process.env[VAPID_PARAMETER_ENV];
  if (parameter) {
    ssm ??= new SSMClient({});
    await ssm.send(
      new PutParameterCommand({
        Name: parameter,
        Value: value,
        Type: 'SecureString',
        Tier: 'Standard',
        Overwrite: overwrite,
        Description: 'Apel WFA: VAPID key pair of the reminders (made by the app; rotate with npm run apel -- kunci-pengingat --putar)',
      }),
    );
    return;
  }
  const file = process.env[VAPID_FILE_ENV];
  if (file) {
    writeFileSync(file, `${value}\n`, { mode: 0o600, flag: overwrite ? 'w' : 'wx' });
    chmodSync(file, 0o600);
    return;
  }
  inMemory = keys;
}
