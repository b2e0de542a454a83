import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { useLocalTables } from '../../functions/local/tables';

/**
 * Runs before each test file is imported: points the stores at the shared DynamoDB
 * Local with a table prefix of this file's own, and gives handlers the repo's config,
 * exactly as the CDK stack and the local runtime pass them.
 */
export const TEST_PREFIX = `t${randomBytes(4).toString('hex')}`;
process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
process.env.APEL_CONFIG = readFileSync(new URL('../../apel.config.json', import.meta.url), 'utf8');
process.env.AWS_REGION ??= 'ap-southeast-3';
useLocalTables(TEST_PREFIX);
