import type { Principal } from '../../core/access';
import { auditEntry } from '../../core/audit';
import { Conflict, InvalidInput, NotFound } from '../../core/errors';
import { wfaOn, withWfaChange } from '../../core/opd';
import type { Opd, WfaChange } from '../../core/roster';
import { checkOpdRows } from '../../core/roster';
import type { IsoDate } from '../../core/time';
import { writeAudited } from '../../store/audit-store';
import { listWholeRoster, putOpd, readOpd } from '../../store/roster-admin-store';
import type { ImportCounts } from '../../store/batch';
import { importOpds, listOpds } from '../../store/roster-store';
import { parseCsv } from '../../core/csv';
import { changedMeanwhile } from './roster';
import type { OpdView } from '../../../contract';

/**
 * OPDs: add, rename, and mark exempt from WFA or eligible from a date (policy point 2).
 * The code of an OPD never changes: it is in every roster row, link and recap.
 */

/** An OPD as the console shows it: the wire's shape (contract/admin.ts). */
export type { OpdView } from '../../../contract';

export const opdView = (o: Opd, today: IsoDate): OpdView => ({
  kode: o.kode,
  nama: o.nama,
  wfa: wfaOn(o, today),
  wfaAwal: o.wfa,
  wfaSejak: o.wfaSejak ?? [],
});

/** Every OPD with how many active staff it has and who heads it. */
export async function opdOverview(today: IsoDate) {
  const opds = await listOpds();
  const roster = await listWholeRoster(opds.map((o) => o.kode));
  return opds
    .map((o) => {
      const staff = roster.filter((a) => a.opd === o.kode && a.active);
      return {
        ...opdView(o, today),
        jumlahAsn: staff.length,
        pimpinan: staff.filter((a) => a.role === 'pimpinan').map((a) => ({ nip: a.nip, nama: a.nama })),
      };
    })
    .sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
}

/** Same rules as a row of opd.csv. */
function checkedOpd(kode: string, nama: string, wfa: boolean): Opd {
  const { valid, problems } = checkOpdRows([{ line: 1, fields: { kode, nama, wfa: wfa ? 'ya' : 'tidak' } }]);
  if (problems[0] || !valid[0]) throw new InvalidInput('INPUT_TIDAK_VALID', `Data OPD tidak valid: ${problems[0]?.reason ?? 'tidak terbaca'}.`);
  return valid[0];
}

export async function addOpd(who: Principal, input: { kode: string; nama: string; wfa: boolean }, today: IsoDate, now: Date): Promise<OpdView> {
  const opd = checkedOpd(input.kode, input.nama, input.wfa);
  await writeAudited(
    [putOpd(opd, undefined)],
    auditEntry(who, now, { action: 'opd.tambah', opd: opd.kode, target: `opd:${opd.kode}`, after: opdView(opd, today) }),
    () => new Conflict('OPD_SUDAH_ADA', `Kode OPD "${opd.kode}" sudah dipakai.`),
  );
  return opdView(opd, today);
}

async function changeOpd(who: Principal, kode: string, action: string, change: (o: Opd) => Opd, today: IsoDate, now: Date): Promise<OpdView> {
  const stored = await readOpd(kode);
  if (!stored) throw new NotFound('OPD_TIDAK_ADA', `OPD "${kode}" tidak ada.`);
  const after = change(stored.value);
  const [was, is] = [opdView(stored.value, today), opdView(after, today)];
  if (JSON.stringify(was) === JSON.stringify(is)) return is;
  await writeAudited(
    [putOpd(after, stored.item)],
    auditEntry(who, now, { action, opd: kode, target: `opd:${kode}`, before: was, after: is }),
    () => changedMeanwhile(),
  );
  return is;
}

export function renameOpd(who: Principal, kode: string, nama: string, today: IsoDate, now: Date): Promise<OpdView> {
  return changeOpd(who, kode, 'opd.ubah', (o) => ({ ...o, nama: checkedOpd(o.kode, nama, o.wfa).nama }), today, now);
}

export function setOpdWfa(who: Principal, kode: string, change: WfaChange, today: IsoDate, now: Date): Promise<OpdView> {
  return changeOpd(who, kode, 'opd.wfa', (o) => ({ ...o, wfaSejak: withWfaChange(o.wfaSejak, change) }), today, now);
}

/**
 * The OPD list from a CSV (`kode,nama,wfa`, as demo-data/opd.csv): new and changed OPDs
 * are written, unchanged ones left alone; dated exemptions set in the console are kept.
 * Its audit line (the codes) is written first, as for the roster import.
 */
export async function importOpdCsv(who: Principal, csv: string, now: Date): Promise<ImportCounts & { problems: { line: number; reason: string }[] }> {
  const rows = parseCsv(csv, ['kode', 'nama', 'wfa']);
  if (rows.length === 0) throw new InvalidInput('CSV_TIDAK_VALID', 'Berkas tidak berisi baris data (hanya judul kolom, atau kosong).');
  const { valid, problems } = checkOpdRows(rows);
  await writeAudited([], auditEntry(who, now, { action: 'opd.impor', target: 'opd', after: { kode: valid.map((o) => o.kode), ditolak: problems.length } }));
  return { ...(await importOpds(valid)), problems };
}
