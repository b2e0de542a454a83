import type { Principal } from '../../core/access';
import { auditEntry } from '../../core/audit';
import { InvalidInput, NotFound } from '../../core/errors';
import type { Opd } from '../../core/roster';
import { parseSesiId } from '../../core/sesi';
import type { ComplianceMark } from '../../store/checkin-store';
import { findCheckin } from '../../store/checkin-store';
import { setComplianceMark } from '../../store/compliance-store';

/** A head marks (or unmarks) a check-in of their OPD as not wearing the required uniform. */
export async function markUniform(
  who: Principal,
  opd: Opd,
  sesiId: string,
  nip: string,
  patuh: boolean,
  catatan: string,
  now: Date,
): Promise<ComplianceMark | null> {
  if (!parseSesiId(sesiId)) throw new InvalidInput('INPUT_TIDAK_VALID', 'sesi harus berbentuk YYYY-MM-DD.pagi atau YYYY-MM-DD.sore');
  const note = catatan.trim();
  if (!patuh && note.length === 0) throw new InvalidInput('CATATAN_WAJIB', 'Tuliskan catatan: apa yang tidak sesuai.');
  const checkin = await findCheckin(sesiId, nip);
  if (!checkin || checkin.opd !== opd.kode) {
    throw new NotFound('CHECKIN_TIDAK_ADA', 'ASN ini belum presensi pada apel tersebut di OPD ini.');
  }
  const mark = patuh ? null : { catatan: note, oleh: who.nip, at: now.toISOString() };
  await setComplianceMark(
    sesiId,
    nip,
    opd.kode,
    mark,
    auditEntry(who, now, {
      action: 'seragam.tandai',
      opd: opd.kode,
      target: `checkin:${sesiId}:${nip}`,
      before: { tidakPatuh: checkin.tidakPatuh ?? null },
      after: { tidakPatuh: mark },
    }),
  );
  return mark;
}
