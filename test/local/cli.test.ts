import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DeleteTableCommand, DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { selectTarget } from '../../functions/cli/target';
import { createTables } from '../../functions/local/tables';
import { localClientConfig } from '../../functions/store/client-config';
import { TABLES } from '../../functions/store/tables';
import { hashToken } from '../../functions/core/token';
import { BatchGetCommand, DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';

const root = new URL('../../', import.meta.url).pathname;
const endpoint = inject('dynamoEndpoint');

/** The admin command as an operator runs it, against the shared DynamoDB Local with the runtime's table names. */
async function apel(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), ['functions/cli/apel.ts', ...args], {
      cwd: root,
      env: { ...process.env, DYNAMODB_ENDPOINT: endpoint, PORT: '3999' },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** Empty tables under the local runtime's names (`apel-…`) for each test, so none sees what another wrote. */
async function freshRuntimeTables(): Promise<void> {
  const client = new DynamoDBClient(localClientConfig(endpoint));
  for (const def of Object.values(TABLES)) {
    await client.send(new DeleteTableCommand({ TableName: `apel-${def.id}` })).catch((e) => {
      if (!(e instanceof ResourceNotFoundException)) throw e;
    });
  }
  await createTables(client, 'apel');
  client.destroy();
}

/** The roster a test's commands work on: the demo OPDs and the fixture's valid ASN (two in setda, one a head). */
async function seedRoster(): Promise<void> {
  const res = await apel('import-roster', '--opd', 'demo-data/opd.csv', '--asn', 'test/fixtures/asn-bermasalah.csv');
  expect(res.code, res.stderr).toBe(2); // the fixture's refused rows are reported, the valid ones imported
}

describe('npm run apel (local)', () => {
  beforeEach(freshRuntimeTables);

  it('imports a roster, reports bad rows with their lines, and exits 2 when some were refused', async () => {
    const ok = await apel('import-roster', '--opd', 'demo-data/opd.csv', '--libur', 'demo-data/libur-2026.csv');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/opd\.csv: \d+ baru/);

    const bad = await apel('import-roster', '--asn', 'test/fixtures/asn-bermasalah.csv');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('baris 3: NIP rusak oleh lembar kerja');
    expect(bad.stdout).toMatch(/asn-bermasalah\.csv: 2 baru, 0 diperbarui, 0 tidak berubah, 8 baris ditolak/);
  });

  it('issues links for an OPD into a CSV, and revokes one', async () => {
    await seedRoster();
    const out = join(mkdtempSync(join(tmpdir(), 'cli-')), 'tautan.csv');
    const issued = await apel('issue-links', '--opd', 'setda', '--out', out);
    expect(issued.code, issued.stderr).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => r.opd)).toEqual(['setda', 'setda']);
    expect(rows[0]!.tautan).toMatch(/^http:\/\/localhost:3999\/#t=[\w-]{43}$/);

    // The NIP is written ="…" so that Excel keeps its 18 digits.
    expect(rows[0]!.nip).toMatch(/^="\d{18}"$/);
    const nip = rows[0]!.nip!.replace(/\D/g, '');
    expect((await apel('revoke-link', '--nip', nip)).stdout).toContain('dicabut');
    expect((await apel('revoke-link', '--nip', nip)).code).toBe(1);
  });

  it('refuses to replace links when the CSV cannot be written', async () => {
    await seedRoster();
    const res = await apel('issue-links', '--opd', 'setda', '--out', '/nonexistent/dir/tautan.csv');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('Tidak ada tautan yang diubah');
  });

  it('never overwrites an existing links file, which may hold the only copy of working links', async () => {
    await seedRoster();
    const out = join(mkdtempSync(join(tmpdir(), 'cli-')), 'tautan.csv');
    writeFileSync(out, 'links that still work\n');

    const res = await apel('issue-links', '--opd', 'setda', '--out', out);

    expect(res.code).toBe(1);
    expect(res.stderr).toContain('sudah ada');
    expect(readFileSync(out, 'utf8')).toBe('links that still work\n');
  });

  it('makes an ASN the first admin and prints their console link, both in the audit trail as done by the command line', async () => {
    await seedRoster();
    const nip = '199004152025012011'; // a head in asn-bermasalah.csv

    const first = await apel('admin-link', '--nip', nip);
    const again = await apel('admin-link', '--nip', nip);

    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('sekarang admin');
    expect(first.stdout).toMatch(/http:\/\/localhost:3999\/admin#t=[\w-]{43}/);
    expect(again.stdout).toContain('sudah admin');
    const client = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(endpoint)));
    const tokens = [first.stdout, again.stdout].map((out) => /#t=([\w-]{43})/.exec(out)![1]!);
    const links = await client.send(new BatchGetCommand({ RequestItems: { 'apel-Links': { Keys: tokens.map((t) => ({ pk: `LINK#${hashToken(t)}`, sk: 'LINK' })) } } }));
    // The second link replaced the first; it is an admin's.
    expect(links.Responses?.['apel-Links']).toEqual([expect.objectContaining({ nip, role: 'admin', pk: `LINK#${hashToken(tokens[1]!)}` })]);
    const audit = (await client.send(new ScanCommand({ TableName: 'apel-Audit' }))).Items ?? [];
    expect(audit.filter((a) => a.target === `asn:${nip}`).map((a) => [a.action, a.actor.nip]).sort()).toEqual([
      ['roster.peran', 'cli'],
      ['tautan.terbitkan', 'cli'],
      ['tautan.terbitkan', 'cli'],
    ]);
    client.destroy();

    const unknown = await apel('admin-link', '--nip', '199901012020011999');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('tidak ada di daftar pegawai');
  });

  it('explains unknown commands and missing options', async () => {
    expect((await apel('frobnicate')).code).toBe(64);
    const missing = await apel('issue-links');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--out');
  });
});

describe('a deployed stack as target', () => {
  it('takes table names and the site URL from the stack outputs', async () => {
    const cfn = mockClient(CloudFormationClient);
    cfn.on(DescribeStacksCommand, { StackName: 'ApelWfa-prod' }).resolves({
      Stacks: [
        {
          StackName: 'ApelWfa-prod',
          CreationTime: new Date('2026-11-02T03:00:00Z'),
          StackStatus: 'CREATE_COMPLETE',
          Outputs: [
            { OutputKey: 'SiteUrl', OutputValue: 'https://d111.cloudfront.net' },
            ...Object.values(TABLES).map(({ id: t }) => ({
              OutputKey: `Table${t}`,
              OutputValue: `ApelWfa-prod-${t}Table-ABC`,
            })),
          ],
        },
      ],
    });
    const before = { ...process.env };
    try {
      const target = await selectTarget({ stack: 'ApelWfa-prod', region: 'ap-southeast-3' });
      expect(target.siteUrl).toBe('https://d111.cloudfront.net');
      expect(process.env.TABLE_CHECKINS).toBe('ApelWfa-prod-CheckinsTable-ABC');
      expect(process.env.TABLE_ROSTER).toBe('ApelWfa-prod-RosterTable-ABC');
    } finally {
      process.env = before;
      cfn.restore();
    }
  });

  it('says so when the stack is not an Apel WFA stack', async () => {
    const cfn = mockClient(CloudFormationClient);
    cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'Other', CreationTime: new Date('2026-11-02T03:00:00Z'), StackStatus: 'CREATE_COMPLETE', Outputs: [] }] });
    try {
      await expect(selectTarget({ stack: 'Other', region: 'ap-southeast-3' })).rejects.toThrow(/has no output TableRoster/);
    } finally {
      cfn.restore();
    }
  });
});
