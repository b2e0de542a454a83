import type { OfficeImported, OfficeSummary, OfficeUpload } from '../../../contract';
import type { Principal } from '../../core/access';
import type { Excuse } from '../../core/attendance';
import { auditEntry } from '../../core/audit';
import { InvalidInput } from '../../core/errors';
import type { SesiAggregate } from '../../core/evaluation';
import { aggregateOfficeDay, MAX_PERIOD_DAYS, daysIn } from '../../core/evaluation';
import type { OfficeField, OfficeRow } from '../../core/office-attendance';
import { OFFICE_FILE, readOfficeRows, startMinutes } from '../../core/office-attendance';
import { wfaOn } from '../../core/opd';
import type { RowProblem } from '../../core/roster';
import type { ColumnMap } from '../../core/roster-file';
import { mapColumns, readTable } from '../../core/roster-file';
import { writeAudited } from '../../store/audit-store';
import { inParallel } from '../../store/batch';
import { putAggregatesOneByOne } from '../../store/evaluation-store';
import { excusesOfOpd } from '../../store/excuse-store';
import { loadMappings, saveMappings } from '../../store/import-mapping-store';
import { listAsnOfOpd, listOpds } from '../../store/roster-store';

/**
 * The office e-presensi upload (office days beside WFA days in the evaluation): the file is
 * read and mapped like the roster import (saved column mapping per kind of file), each row
 * checked, and per OPD and date one aggregate written (core/evaluation.ts
 * `aggregateOfficeDay`): who of the OPD's active staff came on time, late (minutes after
 * the start time) or not, the absent classified with the OPD's excuses. Re-uploading a day
 * replaces its aggregates. Reads: the saved mappings, the OPD list, each OPD's staff and
 * excuses (one query each).
 */

export const DEFAULT_START = '07:30';

async function prepare(upload: OfficeUpload) {
  const start = startMinutes(upload.jamMasuk ?? DEFAULT_START);
  if (start === undefined) throw new InvalidInput('INPUT_TIDAK_VALID', 'jamMasuk harus jam HH:MM, mis. 07:30.');
  const saved = await loadMappings();
  const file = mapColumns<OfficeField>(readTable(upload.csv), OFFICE_FILE, saved.kolom as Record<string, Partial<Record<OfficeField, string | null>>>, upload.kolom ?? {});
  const { rows, problems } = file.kurang.length ? { rows: [], problems: [] } : readOfficeRows(file);
  const dates = [...new Set(rows.map((r) => r.tanggal))].sort();
  if (dates.length > 0 && daysIn({ dari: dates[0]!, sampai: dates[dates.length - 1]! }) > MAX_PERIOD_DAYS) {
    throw new InvalidInput('TANGGAL_TIDAK_VALID', `Satu unggahan paling banyak mencakup ${MAX_PERIOD_DAYS} hari.`);
  }
  const opds = await listOpds();
  const staff = new Map(await Promise.all(opds.map(async (o) => [o.kode, await listAsnOfOpd(o.kode)] as const)));
  const opdOf = new Map<string, string>();
  for (const [kode, list] of staff) for (const a of list) opdOf.set(a.nip, kode);
  const known: OfficeRow[] = [];
  const all: RowProblem[] = [...problems];
  for (const r of rows) {
    if (opdOf.has(r.nip)) known.push(r);
    else all.push({ line: r.line, reason: `NIP ${r.nip} bukan ASN aktif dalam daftar pegawai` });
  }
  all.sort((a, b) => a.line - b.line);
  return { start, file, rows: known, problems: all, dates, opds, staff, opdOf, jamMasuk: upload.jamMasuk ?? DEFAULT_START };
}

type Prepared = Awaited<ReturnType<typeof prepare>>;

async function aggregatesOf(p: Prepared): Promise<SesiAggregate[]> {
  if (p.dates.length === 0) return [];
  const dari = p.dates[0]!;
  const sampai = p.dates[p.dates.length - 1]!;
  const excuses = new Map<string, Excuse[]>(await inParallel(p.opds, 6, async (o) => [o.kode, await excusesOfOpd(o.kode, dari, sampai)] as const));
  const byDay = new Map<string, Map<string, number>>();
  for (const r of p.rows) {
    const day = byDay.get(r.tanggal) ?? new Map<string, number>();
    if (r.masuk !== null) day.set(r.nip, r.masuk - p.start);
    byDay.set(r.tanggal, day);
  }
  // Only the OPDs with someone in the file that day: an OPD the file does not cover is not "all absent".
  const aggregates: SesiAggregate[] = [];
  for (const date of p.dates) {
    const masuk = byDay.get(date) ?? new Map<string, number>();
    const covered = new Set(p.rows.filter((r) => r.tanggal === date).map((r) => p.opdOf.get(r.nip)));
    for (const o of p.opds) {
      if (!covered.has(o.kode)) continue;
      aggregates.push(aggregateOfficeDay({ opd: o.kode, date, wfa: wfaOn(o, date), staff: p.staff.get(o.kode) ?? [], masuk, excuses: excuses.get(o.kode) ?? [] }));
    }
  }
  return aggregates;
}

function summary(p: Prepared, aggregates: readonly SesiAggregate[]): OfficeSummary {
  const days = new Map<string, { tanggal: string; opd: number; hadir: number; terlambat: number }>();
  for (const a of aggregates) {
    const d = days.get(a.date) ?? { tanggal: a.date, opd: 0, hadir: 0, terlambat: 0 };
    d.opd++;
    d.hadir += a.hadir;
    d.terlambat += a.terlambat;
    days.set(a.date, d);
  }
  return {
    judul: p.file.judul,
    kolom: p.file.kolom,
    kurang: p.file.kurang,
    total: p.file.data.length,
    valid: p.rows.length,
    problems: p.problems.slice(0, 500),
    hari: [...days.values()],
    jamMasuk: p.jamMasuk,
  };
}

/** What the upload would write; nothing is written. */
export async function previewOffice(upload: OfficeUpload): Promise<OfficeSummary> {
  const p = await prepare(upload);
  return summary(p, await aggregatesOf(p));
}

/** Writes the office days' aggregates (one line in the audit trail first, with the counts), and saves the column mapping. */
export async function importOffice(who: Principal, upload: OfficeUpload, now: Date): Promise<OfficeImported> {
  const p = await prepare(upload);
  if (p.file.kurang.length > 0) {
    throw new InvalidInput('KOLOM_KURANG', `Pilih kolom untuk: ${p.file.kurang.join(', ')}.`);
  }
  const aggregates = await aggregatesOf(p);
  const s = summary(p, aggregates);
  await writeAudited(
    [],
    auditEntry(who, now, {
      action: 'epresensi.impor',
      target: 'epresensi',
      after: { hari: s.hari.map((d) => d.tanggal), baris: s.valid, ditolak: s.problems.length, jamMasuk: p.jamMasuk },
    }),
  );
  await putAggregatesOneByOne(aggregates, now);
  await saveMappings({ jenis: p.file.jenis, kolom: p.file.kolom as unknown as ColumnMap }, [], (after) =>
    auditEntry(who, now, { action: 'roster.pemetaan', target: 'pemetaan', after }),
  );
  return { ...s, ditulis: aggregates.length };
}
