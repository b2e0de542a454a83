import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, ListTablesCommand, PutItemCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { localKeyFile } from '../../functions/deployment';
import type { Engine } from '../../functions/local/engine';
import { restrictToOwner, startEngine } from '../../functions/local/engine';
import { freePort } from '../../functions/local/free-port';
import { localClientConfig } from '../../functions/store/client-config';

/**
 * Who can reach `npm start`'s data: DynamoDB Local listens on every interface, so the
 * database is hidden behind a random access key id (one database per key id), and its
 * folder and files are the owner's only. Each test starts its own persisted engine.
 */

const running: Engine[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.stop()));
});

async function persistedEngine(dir: string): Promise<Engine> {
  const engine = await startEngine({ port: await freePort(), dataDir: dir });
  running.push(engine);
  return engine;
}

const clientFor = (engine: Engine, accessKeyId: string) => new DynamoDBClient(localClientConfig(engine.endpoint, 1, accessKeyId));

async function createSecretTable(client: DynamoDBClient): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: 'apel-Roster',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await client.send(new PutItemCommand({ TableName: 'apel-Roster', Item: { pk: { S: 'ASN#199001012020011001' }, noHp: { S: '6281234567890' } } }));
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe("npm start's DynamoDB Local", () => {
  it('shows its tables only to a client with its random access key id', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'apel-engine-')), 'dynamodb');
    const engine = await persistedEngine(dir);
    const owner = clientFor(engine, engine.accessKeyId);
    await createSecretTable(owner);

    const strangers = ['local', 'AKIAIOSFODNN7EXAMPLE', engine.accessKeyId.toLowerCase(), engine.accessKeyId.slice(0, 39)].map((k) => clientFor(engine, k));

    expect(engine.accessKeyId).toMatch(/^[0-9A-F]{40}$/);
    expect(readFileSync(localKeyFile(dir), 'utf8').trim()).toBe(engine.accessKeyId);
    expect((await owner.send(new ListTablesCommand({}))).TableNames).toEqual(['apel-Roster']);
    for (const stranger of strangers) {
      expect((await stranger.send(new ListTablesCommand({}))).TableNames).toEqual([]);
      await expect(stranger.send(new GetItemCommand({ TableName: 'apel-Roster', Key: { pk: { S: 'ASN#199001012020011001' } } }))).rejects.toBeInstanceOf(
        ResourceNotFoundException,
      );
      stranger.destroy();
    }
    owner.destroy();
  });

  it.skipIf(process.platform === 'win32')('keeps its folder 0700 and its key and database files 0600', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'apel-engine-')), 'dynamodb');
    const engine = await persistedEngine(dir);
    const owner = clientFor(engine, engine.accessKeyId);
    await createSecretTable(owner);
    owner.destroy();

    const files = readdirSync(dir);

    expect(mode(dir)).toBe(0o700);
    expect(files).toContain(`${engine.accessKeyId}_local.db`);
    for (const file of files) expect([file, mode(join(dir, file))]).toEqual([file, 0o600]);
  });

  it('keeps the data of an older version, whose one database was shared by every key', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'apel-engine-')), 'dynamodb');
    const first = await persistedEngine(dir);
    const client = clientFor(first, first.accessKeyId);
    await createSecretTable(client);
    client.destroy();
    await running.pop()!.stop();
    // An older version's folder: the same database file under the -sharedDb name, no key file, open modes.
    renameSync(join(dir, `${first.accessKeyId}_local.db`), join(dir, 'shared-local-instance.db'));
    unlinkSync(localKeyFile(dir));
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'shared-local-instance.db'), 0o644);

    const again = await persistedEngine(dir);
    const owner = clientFor(again, again.accessKeyId);

    expect(again.accessKeyId).not.toBe(first.accessKeyId);
    expect((await owner.send(new ListTablesCommand({}))).TableNames).toEqual(['apel-Roster']);
    expect(readdirSync(dir)).not.toContain('shared-local-instance.db');
    if (process.platform !== 'win32') expect(mode(join(dir, `${again.accessKeyId}_local.db`))).toBe(0o600);
    owner.destroy();
  });

  it('refuses to start on a key file it did not make, instead of opening another empty database', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'apel-engine-')), 'dynamodb');
    mkdirSync(dir, { recursive: true });
    writeFileSync(localKeyFile(dir), 'not a key\n');

    await expect(startEngine({ port: await freePort(), dataDir: dir })).rejects.toThrow(/not an access key id made by npm start/);
  });
});

describe('the data folder', () => {
  it.skipIf(process.platform === 'win32')("is made the owner's only, also when an older version left it open", () => {
    const dir = mkdtempSync(join(tmpdir(), 'apel-data-'));
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'tautan-demo.csv'), 'nip,tautan\n', { mode: 0o644 });
    mkdirSync(join(dir, 'dynamodb'), { mode: 0o755 });

    restrictToOwner(dir);

    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'tautan-demo.csv'))).toBe(0o600);
    expect(mode(join(dir, 'dynamodb'))).toBe(0o700);
  });
});
