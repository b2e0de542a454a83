import type { AuditEntry } from '../core/audit';
import type { ColumnMap } from '../core/roster-file';
import { writeAudited } from './audit-store';
import { queryAll } from './batch';
import { keys, tableName } from './tables';

/**
 * The roster import's mappings, saved in the Records table so that every admin and the
 * next import reuse them: per kind of file (SIASN's export, or a set of headers) the
 * column of each field, and per unit value (`DINAS KESEHATAN`, `Sekretariat Dinas
 * Kesehatan`) its OPD. One small partition, read whole at each preview.
 */

export interface SavedMappings {
  kolom: Record<string, Partial<ColumnMap>>;
  /** unitKey(value) → OPD code. */
  opd: Map<string, string>;
}

export async function loadMappings(): Promise<SavedMappings> {
  const items = await queryAll({
    TableName: tableName('records'),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.importMappingPartition() },
  });
  const saved: SavedMappings = { kolom: {}, opd: new Map() };
  for (const item of items) {
    if (item.type === 'PEMETAAN_KOLOM') saved.kolom[item.jenis as string] = item.kolom as Partial<ColumnMap>;
    if (item.type === 'PEMETAAN_OPD') saved.opd.set(item.unit as string, item.opd as string);
  }
  return saved;
}

/** A transaction holds 100 items: 99 mappings and the audit line that names them. */
const PER_TRANSACTION = 99;

/**
 * Saves a file kind's columns and unit values' OPDs, each group of writes in one
 * transaction with its audit line (`audit` gets the group's contents).
 */
export async function saveMappings(
  columns: { jenis: string; kolom: ColumnMap } | undefined,
  units: readonly { unit: string; nilai: string; opd: string }[],
  audit: (after: Record<string, unknown>) => AuditEntry,
): Promise<void> {
  const table = tableName('records');
  type Entry = { item: Record<string, unknown>; audit: Record<string, unknown> };
  const entries: Entry[] = [
    ...(columns ? [{ item: { ...keys.importColumns(columns.jenis), type: 'PEMETAAN_KOLOM', ...columns }, audit: { jenis: columns.jenis, kolom: columns.kolom } }] : []),
    ...units.map((u) => ({ item: { ...keys.importUnit(u.unit), type: 'PEMETAAN_OPD', ...u }, audit: { nilai: u.nilai, opd: u.opd } })),
  ];
  for (let i = 0; i < entries.length; i += PER_TRANSACTION) {
    const group = entries.slice(i, i + PER_TRANSACTION);
    const kolom = group.find((g) => g.item.type === 'PEMETAAN_KOLOM')?.audit;
    const opd = group.filter((g) => g.item.type === 'PEMETAAN_OPD').map((g) => g.audit);
    await writeAudited(
      group.map((g) => ({ Put: { TableName: table, Item: g.item } })),
      audit({ ...(kolom ?? {}), ...(opd.length ? { opd } : {}) }),
    );
  }
}
