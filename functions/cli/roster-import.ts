import { readFileSync } from 'node:fs';
import { checkHolidayRows } from '../core/calendar';
import { parseCsv } from '../core/csv';
import type { RowProblem } from '../core/roster';
import { checkAsnRows, checkOpdRows } from '../core/roster';
import type { ImportCounts } from '../store/batch';
import { importHolidays } from '../store/calendar-store';
import { syncLink } from '../store/link-store';
import { importAsns, importOpds, listOpds } from '../store/roster-store';

export interface FileReport extends ImportCounts {
  file: string;
  problems: RowProblem[];
}

/**
 * Imports the roster (and optionally a holiday list) from CSV files in the fixture
 * format. Invalid rows are reported and skipped, valid rows written, unchanged rows
 * left alone, and the links of ASN who moved OPD follow them.
 */
export async function importRosterFiles(files: { opd?: string; asn?: string; libur?: string }): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  if (files.opd) {
    const checked = checkOpdRows(parseCsv(readFileSync(files.opd, 'utf8'), ['kode', 'nama', 'wfa']));
    reports.push({ file: files.opd, problems: checked.problems, ...(await importOpds(checked.valid)) });
  }
  if (files.asn) {
    const known = new Set((await listOpds()).map((o) => o.kode));
    const required = ['nip', 'nama', 'jabatan', 'opd', 'status', 'no_hp', 'peran'];
    const checked = checkAsnRows(parseCsv(readFileSync(files.asn, 'utf8'), required), known);
    // A moved ASN's link follows them (it carries their OPD for the check-in path).
    const { added, updated, unchanged } = await importAsns(checked.valid, syncLink);
    reports.push({ file: files.asn, problems: checked.problems, added, updated, unchanged });
  }
  if (files.libur) {
    const checked = checkHolidayRows(parseCsv(readFileSync(files.libur, 'utf8'), ['tanggal', 'jenis', 'keterangan']));
    reports.push({ file: files.libur, problems: checked.problems, ...(await importHolidays(checked.valid)) });
  }
  return reports;
}

export function describeReport(r: FileReport): string {
  const lines = [`${r.file}: ${r.added} baru, ${r.updated} diperbarui, ${r.unchanged} tidak berubah, ${r.problems.length} baris ditolak`];
  for (const p of r.problems) lines.push(`  baris ${p.line}: ${p.reason}`);
  return lines.join('\n');
}
