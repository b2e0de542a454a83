import { join } from 'node:path';
import { TABLES, type TableDef } from './store/tables';

/**
 * Where a deployment keeps what the code and the admin commands need to find, agreed in
 * one place so the writer and the reader cannot drift. Every store reads a table's
 * physical name from its env var (`TABLES[…].envVar`, store/tables.ts); who sets it:
 *
 * - On AWS the stack sets it on each function (infra/stack.ts, from the manifest) and
 *   writes it as a stack output, which the CLI reads back with `describe-stacks`
 *   (`--stack NAME`, cli/target.ts).
 * - Locally the runtime creates `<prefix>-<Id>` tables in DynamoDB Local
 *   (local/tables.ts); the CLI's local target and the tests point at the same names.
 *
 * No CDK import: the CLI imports this cheaply.
 */

/**
 * Stack output keys. CloudFormation output keys must be alphanumeric, so a table's key
 * is its env var in PascalCase: `TABLE_ROSTER` -> `TableRoster`. The output's
 * description holds the env var itself.
 */
export const SITE_URL_OUTPUT = 'SiteUrl';
export const API_URL_OUTPUT = 'ApiUrl';

export function tableOutputKey(envVar: string): string {
  return envVar
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** Where `npm start` keeps DynamoDB Local's files inside its data folder (APEL_DATA_DIR, default `.data`). */
export function localEngineDir(dataDir: string): string {
  return join(dataDir, 'dynamodb');
}

/**
 * The file (0600) with the access key id of `npm start`'s DynamoDB Local, made at its first
 * start (local/engine.ts); the CLI's local target reads it, since without it the engine
 * shows no table.
 */
export function localKeyFile(engineDir: string): string {
  return join(engineDir, 'access-key-id');
}

/**
 * What a running `npm start` writes in its data folder so that `npm run apel` talks to it
 * (its site address and DynamoDB Local's port), whatever PORT and DYNAMODB_PORT it was given;
 * removed when it stops.
 */
export interface LocalInstance {
  siteUrl: string;
  dynamodbPort: number;
  pid: number;
}

export function localInstanceFile(dataDir: string): string {
  return join(dataDir, 'instance.json');
}

/** The table prefix of `npm start` (tests use their own prefixes in the same engine). */
export const LOCAL_TABLE_PREFIX = 'apel';

/** A table's name in DynamoDB Local; `prefix` keeps test runs apart in one shared engine. */
export function localTableName(prefix: string, def: TableDef): string {
  return `${prefix}-${def.id}`;
}

/** Points the stores at the local tables of `prefix`, through the env vars a Lambda reads. */
export function useLocalTables(prefix: string): void {
  for (const def of Object.values(TABLES)) process.env[def.envVar] = localTableName(prefix, def);
}
