import type { Principal } from '../../core/access';
import { auditEntry } from '../../core/audit';
import { parseCsv } from '../../core/csv';
import { Conflict, InvalidInput } from '../../core/errors';
import type { Asn, CsvRow, RowProblem } from '../../core/roster';
import { checkAsnRows, field } from '../../core/roster';
import { writeAudited } from '../../store/audit-store';
import { revokeLink, syncLink } from '../../store/link-store';
import { inParallel } from '../../store/batch';
import { deactivate, listWholeRoster } from '../../store/roster-admin-store';
import { importAsns, listOpds } from '../../store/roster-store';
import type { AsnView } from './roster';
import { asnView } from './roster';

/**
 * The roster import in the browser: HR's CSV is checked row by row and compared with
 * the roster, and the admin sees what would change before anything is written
 * (`previewImport`); committing (`commitImport`) writes only new and changed rows,
 * and deactivates only the people the admin chose from those missing in the file.
 */

const COLUMNS = ['nip', 'nama', 'jabatan', 'opd', 'status', 'no_hp', 'peran'];

/** The fields compared, in the CSV's terms. */
const FIELDS = ['nama', 'jabatan', 'opd', 'status', 'noHp', 'peran', 'aktif'] as const;
type Field = (typeof FIELDS)[number];

export interface ImportSummary {
  total: number;
  valid: number;
  problems: RowProblem[];
  counts: { baru: number; berubah: number; tetap: number; pindah: number; aktifKembali: number; missing: number };
  baru: AsnView[];
  berubah: { sebelum: AsnView; sesudah: AsnView; kolom: Field[] }[];
  pindah: { nip: string; nama: string; dari: string; ke: string }[];
  missing: { nip: string; nama: string; opd: string }[];
}

interface ImportPlan extends ImportSummary {
  /** Rows to write: the new and the changed ones. */
  writes: Asn[];
}

/** Same text but for capitals and spacing: HR's export in capitals is not a change of name. */
const sameText = (a: string, b: string) => a.toLocaleLowerCase('id') === b.toLocaleLowerCase('id');

async function planImport(csv: string, now: Date): Promise<ImportPlan> {
  const rows = parseCsv(csv, COLUMNS);
  if (rows.length === 0) throw new InvalidInput('CSV_TIDAK_VALID', 'Berkas tidak berisi baris data (hanya judul kolom, atau kosong).');
  const opds = (await listOpds()).map((o) => o.kode);
  const { valid, problems } = checkAsnRows(rows, new Set(opds), now);
  const current = new Map((await listWholeRoster(opds)).map((a) => [a.nip, a]));
  // The NIP of every row, accepted or not: a row refused for, say, an OPD not yet created
  // is still in the file, so its ASN must not be offered for deactivation as "missing".
  const nipOf = (r: CsvRow) => field(r, 'nip').replace(/\D/g, '');
  const inFile = new Set(rows.map(nipOf).filter((nip) => nip.length === 18));
  // HR's export usually has no roles: an empty `peran` keeps the role set in the console.
  const keepRole = new Set(rows.filter((r) => field(r, 'peran') === '').map(nipOf));

  const plan: ImportPlan = {
    total: rows.length,
    valid: valid.length,
    problems,
    counts: { baru: 0, berubah: 0, tetap: 0, pindah: 0, aktifKembali: 0, missing: 0 },
    baru: [],
    berubah: [],
    pindah: [],
    missing: [],
    writes: [],
  };
  for (const row of valid) {
    const before = current.get(row.nip);
    if (!before) {
      plan.baru.push(asnView(row));
      plan.writes.push(row);
      continue;
    }
    const asn: Asn = {
      ...row,
      role: keepRole.has(row.nip) ? before.role : row.role,
      nama: sameText(row.nama, before.nama) ? before.nama : row.nama,
      jabatan: sameText(row.jabatan, before.jabatan) ? before.jabatan : row.jabatan,
    };
    const [was, is] = [asnView(before), asnView(asn)];
    const kolom = FIELDS.filter((f) => was[f] !== is[f]);
    if (kolom.length === 0) {
      plan.counts.tetap++;
      continue;
    }
    plan.berubah.push({ sebelum: was, sesudah: is, kolom });
    if (before.opd !== asn.opd) plan.pindah.push({ nip: asn.nip, nama: asn.nama, dari: before.opd, ke: asn.opd });
    if (!before.active) plan.counts.aktifKembali++;
    plan.writes.push(asn);
  }
  plan.missing = [...current.values()]
    .filter((a) => a.active && !inFile.has(a.nip))
    .map((a) => ({ nip: a.nip, nama: a.nama, opd: a.opd }))
    .sort((a, b) => a.opd.localeCompare(b.opd) || a.nama.localeCompare(b.nama, 'id'));
  plan.counts = { ...plan.counts, baru: plan.baru.length, berubah: plan.berubah.length, pindah: plan.pindah.length, missing: plan.missing.length };
  return plan;
}

export async function previewImport(csv: string, now: Date): Promise<ImportSummary> {
  const { writes: _, ...summary } = await planImport(csv, now);
  return summary;
}

/** Rows per importAsns call, and calls at once: 5,000 rows are 50 slices, 8 in flight. */
const SLICE = 100;
const CONCURRENCY = 8;

/**
 * Commits the import. An import is too large for one transaction (at most 100 items),
 * so its one audit line (counts and the NIP lists) is written first: there is never a
 * change without its line, and a failure half-way is repaired by importing again
 * (only what is still different is written).
 */
export async function commitImport(
  who: Principal,
  csv: string,
  nonaktifkan: readonly string[],
  now: Date,
): Promise<ImportSummary & { nonaktif: string[]; tautanDicabut: number }> {
  const plan = await planImport(csv, now);
  const missing = new Set(plan.missing.map((m) => m.nip));
  const chosen = [...new Set(nonaktifkan)];
  const self = plan.writes.find((a) => a.nip === who.nip);
  if (chosen.includes(who.nip) || (self && (self.role !== 'admin' || !self.active))) {
    throw new Conflict('ADMIN_DIRI_SENDIRI', 'Impor ini akan mencabut peran admin Anda sendiri atau menonaktifkan Anda; ubah baris Anda di berkas atau minta admin lain.');
  }
  const wrong = chosen.filter((nip) => !missing.has(nip));
  if (wrong.length > 0) {
    throw new InvalidInput(
      'INPUT_TIDAK_VALID',
      `Hanya ASN aktif yang tidak ada di berkas yang bisa dinonaktifkan lewat impor; bukan: ${wrong.slice(0, 10).join(', ')}${wrong.length > 10 ? ` (dan ${wrong.length - 10} lainnya)` : ''}.`,
    );
  }
  await writeAudited(
    [],
    auditEntry(who, now, {
      action: 'roster.impor',
      target: 'roster',
      after: auditSummary(plan, chosen),
    }),
  );
  // A moved or re-roled ASN's link follows them before their row is written (see importAsns).
  const slices = Array.from({ length: Math.ceil(plan.writes.length / SLICE) }, (_, i) => plan.writes.slice(i * SLICE, (i + 1) * SLICE));
  await inParallel(slices, CONCURRENCY, (slice) => importAsns(slice, syncLink));
  const revoked = await inParallel(chosen, CONCURRENCY * 2, async (nip) => {
    const had = await revokeLink(nip);
    await deactivate(nip);
    return had;
  });
  const { writes: _, ...summary } = plan;
  return { ...summary, nonaktif: chosen, tautanDicabut: revoked.filter(Boolean).length };
}

/** What the audit line keeps: counts and NIP lists, within DynamoDB's 400 KB per item. */
function auditSummary(plan: ImportPlan, nonaktif: string[]) {
  const full = {
    counts: { ...plan.counts, ditolak: plan.problems.length, nonaktif: nonaktif.length },
    baru: plan.baru.map((a) => a.nip),
    berubah: plan.berubah.map((c) => ({ nip: c.sesudah.nip, kolom: c.kolom })),
    pindah: plan.pindah.map(({ nip, dari, ke }) => ({ nip, dari, ke })),
    nonaktif,
  };
  return JSON.stringify(full).length < 300_000 ? full : { counts: full.counts, catatan: 'daftar NIP terlalu panjang untuk satu catatan audit' };
}
