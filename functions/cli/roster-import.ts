import { readFileSync } from 'node:fs';
import type { RowProblem } from '../core/roster';
import { serverNow } from '../runtime/clock';
import type { ImportCounts } from '../store/batch';
import { importHolidayCsv } from '../usecases/admin/calendar';
import { importOpdCsv } from '../usecases/admin/opds';
import { commitImport } from '../usecases/admin/roster-import';
import { CLI } from './admin-link';

export interface FileReport extends ImportCounts {
  file: string;
  problems: RowProblem[];
}

/**
 * Imports the roster (and optionally a holiday list) from CSV files in the fixture
 * format, through the same use cases as the admin console: each file gets its audit
 * line (actor `cli`), an empty `peran` keeps the role set in the console, and the
 * links of ASN who moved OPD follow them. Invalid rows are reported and skipped,
 * valid rows written, unchanged rows left alone; nobody is deactivated from here.
 */
export async function importRosterFiles(files: { opd?: string; asn?: string; libur?: string }, now = serverNow()): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  if (files.opd) {
    reports.push({ file: files.opd, ...(await importOpdCsv(CLI, readFileSync(files.opd, 'utf8'), now)) });
  }
  if (files.asn) {
    const { counts, problems } = await commitImport(CLI, readFileSync(files.asn, 'utf8'), [], now);
    reports.push({ file: files.asn, problems, added: counts.baru, updated: counts.berubah, unchanged: counts.tetap });
  }
  if (files.libur) {
    reports.push({ file: files.libur, ...(await importHolidayCsv(CLI, readFileSync(files.libur, 'utf8'), now)) });
  }
  return reports;
}

export function describeReport(r: FileReport): string {
  const lines = [`${r.file}: ${r.added} baru, ${r.updated} diperbarui, ${r.unchanged} tidak berubah, ${r.problems.length} baris ditolak`];
  for (const p of r.problems) lines.push(`  baris ${p.line}: ${p.reason}`);
  return lines.join('\n');
}
