import type { Principal } from '../../core/access';
import type { Excuse, ExcuseKind } from '../../core/attendance';
import { auditEntry } from '../../core/audit';
import { InvalidInput } from '../../core/errors';
import type { Opd } from '../../core/roster';
import type { IsoDate } from '../../core/time';
import { addDays } from '../../core/time';
import { excuseNotFound, excusesOfOpd, getExcuse, newExcuseId, recordExcuse, withdrawExcuse } from '../../store/excuse-store';
import { getAsn } from '../../store/roster-store';
import { refreshAbsent } from '../evaluation/aggregates';

/** Later than any closed sesi in any time zone (aggregates exist only for closed ones). */
const tomorrow = (now: Date): IsoDate => addDays(now.toISOString().slice(0, 10), 1);

/** An excuse longer than a year is almost certainly a typo in the year (tugas belajar is renewed yearly). */
const MAX_DAYS = 366;

export interface ExcuseInput {
  nip: string;
  jenis: ExcuseKind;
  dari: IsoDate;
  sampai: IsoDate;
  catatan: string;
}

export function excuseRangeProblem(dari: IsoDate, sampai: IsoDate): string | undefined {
  if (sampai < dari) return 'Tanggal "sampai" tidak boleh sebelum tanggal "dari".';
  if (addDays(dari, MAX_DAYS - 1) < sampai) return `Rentang keterangan paling panjang ${MAX_DAYS} hari.`;
  return undefined;
}

export async function addExcuse(who: Principal, opd: Opd, input: ExcuseInput, now: Date): Promise<Excuse> {
  const problem = excuseRangeProblem(input.dari, input.sampai);
  if (problem) throw new InvalidInput('TANGGAL_TIDAK_VALID', problem);
  const asn = await getAsn(input.nip);
  if (!asn || !asn.active || asn.opd !== opd.kode) {
    throw new InvalidInput('ASN_BUKAN_OPD_INI', `NIP ${input.nip} bukan ASN aktif di ${opd.nama}.`);
  }
  const excuse: Excuse = {
    id: newExcuseId(input.sampai, input.nip),
    nip: input.nip,
    opd: opd.kode,
    jenis: input.jenis,
    dari: input.dari,
    sampai: input.sampai,
    catatan: input.catatan.trim(),
    oleh: who.nip,
    at: now.toISOString(),
    ditarik: null,
  };
  await recordExcuse(excuse, auditEntry(who, now, { action: 'izin.catat', opd: opd.kode, target: `izin:${excuse.id}`, after: excuse }));
  // A late excuse (a doctor's note the next day) turns TK into S in the evaluation too.
  await refreshAbsent(opd.kode, excuse.dari, excuse.sampai, tomorrow(now));
  return excuse;
}

export async function retractExcuse(who: Principal, opd: Opd, id: string, now: Date): Promise<Excuse> {
  const excuse = await getExcuse(opd.kode, id);
  if (!excuse) throw excuseNotFound();
  const ditarik = { oleh: who.nip, at: now.toISOString() };
  const after = { ...excuse, ditarik };
  await withdrawExcuse(excuse, ditarik, auditEntry(who, now, { action: 'izin.tarik', opd: opd.kode, target: `izin:${id}`, before: excuse, after }));
  await refreshAbsent(opd.kode, excuse.dari, excuse.sampai, tomorrow(now));
  return after;
}

export async function listExcuses(opd: Opd, dari: IsoDate, sampai: IsoDate): Promise<Excuse[]> {
  const problem = excuseRangeProblem(dari, sampai);
  if (problem) throw new InvalidInput('TANGGAL_TIDAK_VALID', problem);
  const excuses = await excusesOfOpd(opd.kode, dari, sampai);
  return excuses.sort((a, b) => b.dari.localeCompare(a.dari) || a.nip.localeCompare(b.nip));
}
