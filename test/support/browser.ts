import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let warned = false;

/**
 * Whether the end-to-end tests can run. In CI a missing browser is a failure (the
 * tests must run there); elsewhere they are skipped with a message naming what to install.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const message = `Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH) to run the end-to-end tests.`;
  if (process.env.CI === 'true') throw new Error(`${message} CI=true requires them.`);
  // Straight to stderr: vitest shows console output only of failing tests.
  if (!warned) process.stderr.write(`SKIPPED end-to-end tests. ${message}\n`);
  warned = true;
  return false;
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
