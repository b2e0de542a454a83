import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../functions/local/free-port';
import { sampleDemoData } from '../support/demo-app';

const root = new URL('../../', import.meta.url).pathname;

/** Runs what `npm start` runs after the build, as its own process, the way a person would. */
function startRuntime(env: Record<string, string>): { child: ChildProcess; ready: Promise<string> } {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['functions/local/start.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('Tekan Ctrl-C')) resolve(output);
    });
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => reject(new Error(`exited with ${code} before it was ready:\n${output}`)));
  });
  return { child, ready };
}

const stopped = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });

const portClosed = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, 'localhost');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

describe('npm start', () => {
  it('prints links that check in, stops everything on Ctrl-C, and keeps the data for the next start', async () => {
    const env = {
      // Both starts begin at Wednesday 2 December 2026, 10:00 WITA on the server's clock (no real
      // apel that day, so the scheduler opens nothing), whatever the day and hour the test runs.
      APEL_CLOCK_START: '2026-12-02T10:00:00+08:00',
      APEL_DATA_DIR: mkdtempSync(join(tmpdir(), 'apel-data-')),
      APEL_DEMO_DATA_DIR: sampleDemoData(2),
      PORT: String(await freePort()),
      DYNAMODB_PORT: String(await freePort()),
    };

    const first = startRuntime(env);
    const printed = await first.ready;
    const link = /Diskominfo\): .*\n\s+(http:\/\/localhost:\d+\/#t=([\w-]{43}))/.exec(printed);
    const sesiId = /APEL PERCOBAAN: sesi "([^"]+)" dibuka sekarang sampai 10\.30 WITA/.exec(printed)?.[1];
    expect(link, printed).not.toBeNull();
    expect(sesiId, printed).toBe('2026-12-02.demo');
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`http://localhost:${env.PORT}${path}`, { ...init, headers: { authorization: `Bearer ${link![2]}` } });
    const checkin = await api('/api/checkins', { method: 'POST', body: JSON.stringify({ sesiId }) });
    expect(checkin.status).toBe(201);
    const recorded = (await checkin.json()).checkin;
    expect(recorded).toMatchObject({ sesiId: '2026-12-02.demo', status: 'hadir' });

    expect(await stopped(first.child)).toBe(0);
    expect(await portClosed(Number(env.PORT))).toBe(true);
    expect(await portClosed(Number(env.DYNAMODB_PORT))).toBe(true);

    const second = startRuntime(env);
    await second.ready;
    const me = await (await api('/api/me')).json();
    expect(me.today.find((s: { id: string }) => s.id === sesiId)).toMatchObject({ status: 'hadir', checkedInAt: recorded.at });
    expect(await stopped(second.child)).toBe(0);
  }, 120_000);
});
