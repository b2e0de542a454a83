import type { ImportMapping, ImportSummary as ImportSummaryWire, ImportUnit } from '../../../contract';
import type { Principal } from '../../core/access';
import { auditEntry } from '../../core/audit';
import { Conflict, InvalidInput } from '../../core/errors';
import type { Asn, CsvRow, RowProblem } from '../../core/roster';
import { checkAsnRows } from '../../core/roster';
import type { ColumnMap } from '../../core/roster-file';
import { kecamatanInAddress } from '../../core/roster';
import { employeeStatus, fullName, inactiveReason, mapFile, obviousOpd, readTable, suggestOpds, unitKey } from '../../core/roster-file';
import { writeAudited } from '../../store/audit-store';
import { revokeLink, syncLink } from '../../store/link-store';
import { inParallel } from '../../store/batch';
import { loadMappings, saveMappings } from '../../store/import-mapping-store';
import { deactivate, listWholeRoster } from '../../store/roster-admin-store';
import { importAsns, listOpds } from '../../store/roster-store';
import type { AsnView } from './roster';
import { asnView } from './roster';

/**
 * The roster import in the browser and from the command line: HR's file (SIASN's export,
 * an Excel CSV, any spreadsheet; core/roster-file.ts reads and maps it) is checked row by
 * row and compared with the roster, and the admin sees what would change before anything
 * is written (`previewImport`); committing (`commitImport`) writes only new and changed
 * rows, saves the admin's column and OPD mappings for next time, and deactivates only the
 * people the admin chose from those missing in the file or listed in it as not active.
 */

/** The fields compared, in the CSV's terms. */
const FIELDS = ['nama', 'jabatan', 'opd', 'status', 'noHp', 'peran', 'aktif', 'kecamatan'] as const;
type Field = (typeof FIELDS)[number];

export interface ImportSummary {
  total: number;
  valid: number;
  problems: RowProblem[];
  counts: ImportSummaryWire['counts'];
  berkas: ImportSummaryWire['berkas'];
  unit: ImportUnit[];
  baru: AsnView[];
  berubah: { sebelum: AsnView; sesudah: AsnView; kolom: Field[] }[];
  pindah: { nip: string; nama: string; dari: string; ke: string }[];
  missing: { nip: string; nama: string; opd: string; alasan?: string }[];
}

interface ImportPlan extends ImportSummary {
  /** Rows to write: the new and the changed ones. */
  writes: Asn[];
  /** Mappings the admin chose that differ from those saved. */
  saveColumns?: { jenis: string; kolom: ColumnMap };
  saveUnits: { unit: string; nilai: string; opd: string }[];
}

/** Same text but for capitals and spacing: HR's export in capitals is not a change of name. */
const sameText = (a: string, b: string) => a.toLocaleLowerCase('id') === b.toLocaleLowerCase('id');
const digitsOf = (nip: string) => nip.replace(/\D/g, '');

/** A row's kecamatan: its column, else the one an address names. */
const kecamatanOf = (column: string, alamat: string) => column.trim() || kecamatanInAddress(alamat);

const FIELD_LABEL: Record<string, string> = { nip: 'NIP', nama: 'nama', opd: 'OPD / unit kerja' };

async function planImport(csv: string, now: Date, pemetaan: ImportMapping = {}): Promise<ImportPlan> {
  const table = readTable(csv);
  const [saved, opdList] = await Promise.all([loadMappings(), listOpds()]);
  const file = mapFile(table, saved.kolom, pemetaan.kolom ?? {});
  if (file.data.length === 0) throw new InvalidInput('CSV_TIDAK_VALID', 'Berkas tidak berisi baris data (hanya judul kolom, atau kosong).');
  const { jenis, label, barisJudul, judul, kolom, kurang } = file;
  const plan: ImportPlan = {
    total: file.data.length,
    valid: 0,
    problems: [],
    counts: { baru: 0, berubah: 0, tetap: 0, pindah: 0, aktifKembali: 0, missing: 0, ditahan: 0, tidakAktif: 0 },
    berkas: { jenis, label, barisJudul, judul, kolom, kurang },
    unit: [],
    baru: [],
    berubah: [],
    pindah: [],
    missing: [],
    writes: [],
    saveUnits: [],
  };
  // Without a NIP, name or OPD column nothing can be read: the preview lists the headers to choose from.
  if (kurang.length > 0) return plan;
  const chosenColumns = Object.keys(pemetaan.kolom ?? {}).length > 0;
  if (chosenColumns && JSON.stringify(saved.kolom[jenis] ?? {}) !== JSON.stringify(kolom)) plan.saveColumns = { jenis, kolom };

  const opds = opdList.map((o) => o.kode);
  const known = new Set(opds);
  const current = new Map((await listWholeRoster(opds)).map((a) => [a.nip, a]));

  // Each distinct unit value once: the admin's choice, its code or exact name, or what was saved.
  const chosenOpd = new Map(Object.entries(pemetaan.opd ?? {}).map(([v, k]) => [unitKey(v), k.trim().toLowerCase()]));
  const units = new Map<string, ImportUnit>();
  const unitOf = (value: string): ImportUnit => {
    const key = unitKey(value);
    let unit = units.get(key);
    if (!unit) {
      const chosen = chosenOpd.get(key);
      const obvious = obviousOpd(value, opdList);
      const kept = saved.opd.get(key);
      const [opd, sumber]: [string | null, ImportUnit['sumber']] =
        chosen && known.has(chosen) ? [chosen, 'pilihan'] : obvious ? [obvious, 'otomatis'] : kept && known.has(kept) ? [kept, 'tersimpan'] : [null, null];
      unit = { nilai: value, baris: 0, opd, sumber, saran: opd ? [] : suggestOpds(value, opdList) };
      units.set(key, unit);
      if (sumber === 'pilihan' && opd !== kept) plan.saveUnits.push({ unit: key, nilai: value, opd: opd! });
    }
    return unit;
  };

  const has = (f: keyof ColumnMap) => kolom[f] !== null;
  const rows: CsvRow[] = [];
  const inactive: { nip: string; alasan: string }[] = [];
  for (const r of file.data) {
    const nip = file.cell(r, 'nip');
    const before = current.get(digitsOf(nip));
    const alasan = inactiveReason(file.cell(r, 'kedudukan'));
    if (alasan) {
      inactive.push({ nip: digitsOf(nip), alasan });
      continue;
    }
    const unitValue = file.cell(r, 'opd');
    const unit = unitOf(unitValue);
    unit.baris++;
    if (!unit.opd) plan.counts.ditahan++;
    rows.push({
      line: r.line,
      fields: {
        nip,
        nama: fullName(file.cell(r, 'gelarDepan'), file.cell(r, 'nama'), file.cell(r, 'gelarBelakang')),
        opd: unit.opd ?? unitValue,
        // A column the file does not have keeps what the roster has (a new ASN: PNS, no phone, no
        // position); so does an empty status cell (SIASN leaves JENIS PEGAWAI empty for some rows).
        jabatan: has('jabatan') ? file.cell(r, 'jabatan') : (before?.jabatan ?? ''),
        status: has('status') && file.cell(r, 'status') !== '' ? employeeStatus(file.cell(r, 'status')) : (before?.status ?? 'PNS'),
        no_hp: has('noHp') ? file.cell(r, 'noHp') : (before?.noHp ?? ''),
        peran: has('peran') ? file.cell(r, 'peran') : '',
        // Its own column first, else the "Kec. …" of an address (SIASN's ALAMAT), else what the roster has.
        kecamatan: kecamatanOf(file.cell(r, 'kecamatan'), file.cell(r, 'alamat')) || (has('kecamatan') ? '' : (before?.kecamatan ?? '')),
      },
    });
  }
  plan.unit = [...units.values()].sort((a, b) => Number(a.opd !== null) - Number(b.opd !== null) || b.baris - a.baris || a.nilai.localeCompare(b.nilai, 'id'));

  const { valid, problems } = checkAsnRows(rows, known, now);
  plan.valid = valid.length;
  plan.problems = problems;
  // The NIP of every row, accepted or not: a row refused for, say, an OPD not yet mapped
  // is still in the file, so its ASN must not be offered for deactivation as "missing".
  const inFile = new Set([...rows.map((r) => digitsOf(r.fields.nip ?? '')), ...inactive.map((i) => i.nip)].filter((nip) => nip.length === 18));
  // HR's export usually has no roles: an empty `peran` keeps the role set in the console.
  const keepRole = new Set(rows.filter((r) => (r.fields.peran ?? '').trim() === '').map((r) => digitsOf(r.fields.nip ?? '')));

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
    const changed = FIELDS.filter((f) => was[f] !== is[f]);
    if (changed.length === 0) {
      plan.counts.tetap++;
      continue;
    }
    plan.berubah.push({ sebelum: was, sesudah: is, kolom: changed });
    if (before.opd !== asn.opd) plan.pindah.push({ nip: asn.nip, nama: asn.nama, dari: before.opd, ke: asn.opd });
    if (!before.active) plan.counts.aktifKembali++;
    plan.writes.push(asn);
  }
  const listedInactive = new Map(inactive.map((i) => [i.nip, i.alasan]));
  plan.missing = [...current.values()]
    .filter((a) => a.active && (!inFile.has(a.nip) || listedInactive.has(a.nip)))
    .map((a) => {
      const alasan = listedInactive.get(a.nip);
      return { nip: a.nip, nama: a.nama, opd: a.opd, ...(alasan ? { alasan } : {}) };
    })
    .sort((a, b) => a.opd.localeCompare(b.opd) || a.nama.localeCompare(b.nama, 'id'));
  plan.counts = {
    ...plan.counts,
    baru: plan.baru.length,
    berubah: plan.berubah.length,
    pindah: plan.pindah.length,
    missing: plan.missing.length,
    tidakAktif: inactive.length,
  };
  return plan;
}

const summaryOf = ({ writes: _w, saveColumns: _c, saveUnits: _u, ...summary }: ImportPlan): ImportSummary => summary;

export async function previewImport(csv: string, now: Date, pemetaan?: ImportMapping): Promise<ImportSummary> {
  return summaryOf(await planImport(csv, now, pemetaan));
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
  pemetaan?: ImportMapping,
): Promise<ImportSummary & { nonaktif: string[]; tautanDicabut: number }> {
  const plan = await planImport(csv, now, pemetaan);
  if (plan.berkas.kurang.length > 0) {
    throw new InvalidInput(
      'KOLOM_WAJIB',
      `Pilih kolom untuk: ${plan.berkas.kurang.map((f) => FIELD_LABEL[f] ?? f).join(', ')}. Judul kolom di berkas: ${plan.berkas.judul.filter(Boolean).join(', ')}.`,
    );
  }
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
  if (plan.saveColumns || plan.saveUnits.length > 0) {
    await saveMappings(plan.saveColumns, plan.saveUnits, (after) => auditEntry(who, now, { action: 'roster.pemetaan', target: `pemetaan:${plan.berkas.jenis}`, after }));
  }
  // A moved or re-roled ASN's link follows them before their row is written (see importAsns).
  const slices = Array.from({ length: Math.ceil(plan.writes.length / SLICE) }, (_, i) => plan.writes.slice(i * SLICE, (i + 1) * SLICE));
  await inParallel(slices, CONCURRENCY, (slice) => importAsns(slice, syncLink));
  const revoked = await inParallel(chosen, CONCURRENCY * 2, async (nip) => {
    const had = await revokeLink(nip);
    await deactivate(nip);
    return had;
  });
  return { ...summaryOf(plan), nonaktif: chosen, tautanDicabut: revoked.filter(Boolean).length };
}

/** What the audit line keeps: counts and NIP lists, within DynamoDB's 400 KB per item. */
function auditSummary(plan: ImportPlan, nonaktif: string[]) {
  const full = {
    // The file's kind in words for the auditor ("SIASN (Export Data ASN)", "Berkas dengan kolom NIP, Nama, …"), and its
    // code, which names the saved column mapping (audit `pemetaan:<jenis>`).
    berkas: plan.berkas.label,
    jenis: plan.berkas.jenis,
    counts: { ...plan.counts, ditolak: plan.problems.length, nonaktif: nonaktif.length },
    baru: plan.baru.map((a) => a.nip),
    berubah: plan.berubah.map((c) => ({ nip: c.sesudah.nip, kolom: c.kolom })),
    pindah: plan.pindah.map(({ nip, dari, ke }) => ({ nip, dari, ke })),
    nonaktif,
  };
  // DynamoDB counts an item's size in UTF-8 bytes.
  return new TextEncoder().encode(JSON.stringify(full)).byteLength < 300_000 ? full : { counts: full.counts, catatan: 'daftar NIP terlalu panjang untuk satu catatan audit' };
}
