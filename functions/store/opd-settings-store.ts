import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../core/audit';
import { writeAudited } from './audit-store';
import { db } from './client';
import { guarded } from './outage';
import { keys, tableName } from './tables';

/** What an OPD sets for itself, apart from the roster: for now, its own apel meeting links. */
export interface OpdSettings {
  tautanApel: { pagi: string | null; sore: string | null };
}

const EMPTY: OpdSettings = { tautanApel: { pagi: null, sore: null } };

export async function getOpdSettings(opd: string): Promise<OpdSettings> {
  const out = await guarded(() => db.send(new GetCommand({ TableName: tableName('records'), Key: keys.opdSettings(opd) })));
  const links = out.Item?.tautanApel as Partial<OpdSettings['tautanApel']> | undefined;
  return links ? { tautanApel: { pagi: links.pagi ?? null, sore: links.sore ?? null } } : EMPTY;
}

export async function putOpdSettings(opd: string, settings: OpdSettings, audit: AuditEntry): Promise<void> {
  await writeAudited(
    [{ Put: { TableName: tableName('records'), Item: { ...keys.opdSettings(opd), type: 'SETELAN', opd, ...settings } } }],
    audit,
  );
}
