import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { runningInstance, selectTarget } from '../../functions/cli/target';
import { localInstanceFile } from '../../functions/deployment';

/**
 * `npm run apel` talks to the running `npm start` instance, on the ports it was started with
 * (its instance.json in the data folder), not to the default ports 3000 and 8765.
 */
describe("the CLI's local target", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  function dataDirWith(instance: object): string {
    const dir = mkdtempSync(join(tmpdir(), 'apel-data-'));
    writeFileSync(localInstanceFile(dir), JSON.stringify(instance));
    return dir;
  }

  it("uses the running instance's DynamoDB port and site address", async () => {
    const enginePort = Number(new URL(inject('dynamoEndpoint')).port);
    process.env.APEL_DATA_DIR = dataDirWith({ siteUrl: 'http://localhost:4123', dynamodbPort: enginePort, pid: process.pid });
    process.env.DYNAMODB_LOCAL_KEY_ID = 'cliinstancetest';
    delete process.env.DYNAMODB_ENDPOINT;
    delete process.env.DYNAMODB_PORT;
    delete process.env.PORT;

    const target = await selectTarget({});

    expect(target.siteUrl).toBe('http://localhost:4123');
    expect(target.description).toBe(`lokal (http://127.0.0.1:${enginePort})`);
  });

  it('ignores the file of an instance that no longer runs', () => {
    const gone = dataDirWith({ siteUrl: 'http://localhost:4123', dynamodbPort: 9999, pid: 2 ** 22 + 12345 });
    expect(runningInstance(gone)).toBeUndefined();
    expect(runningInstance(mkdtempSync(join(tmpdir(), 'apel-data-')))).toBeUndefined();
    const live = dataDirWith({ siteUrl: 'http://localhost:4123', dynamodbPort: 9999, pid: process.pid });
    expect(runningInstance(live)).toEqual({ siteUrl: 'http://localhost:4123', dynamodbPort: 9999, pid: process.pid });
  });
});
