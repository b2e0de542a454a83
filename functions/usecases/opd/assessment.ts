import type { AssessmentMark } from '../../../contract';
import type { Principal } from '../../core/access';
import { auditEntry } from '../../core/audit';
import { Conflict, InvalidInput, NotFound } from '../../core/errors';
import type { Assessment } from '../../core/evaluation';
import type { Opd } from '../../core/roster';
import { parseSesiId } from '../../core/sesi';
import type { IsoDate } from '../../core/time';
import { addDays } from '../../core/time';
import { findCheckin } from '../../store/checkin-store';
import { setAssessment } from '../../store/assessment-store';
import { getSesiMany } from '../../store/sesi-store';

/** A head may assess a day's output until a week after it (the next WFA day's sore, with room to spare). */
export const ASSESS_DAYS = 7;

/**
 * A head's assessment of one ASN's output of an apel sore (or the local demo apel): one tap,
 * *sesuai rencana*, *sebagian* or *tidak sesuai*, or null to take it back. Written on the
 * check-in with its audit line in one transaction; once the sesi is closed the
 * evaluation's aggregate is counted in the same transaction (before that, the close counts it).
 */
export async function assessOutput(
  who: Principal,
  opd: Opd,
  sesiId: string,
  nip: string,
  nilai: Assessment | null,
  now: Date,
  today: IsoDate,
): Promise<AssessmentMark | null> {
  const parsed = parseSesiId(sesiId);
  if (!parsed || parsed.slot === 'pagi') {
    throw new InvalidInput('INPUT_TIDAK_VALID', 'Hasil kerja dinilai pada apel sore: sesi harus berbentuk YYYY-MM-DD.sore.');
  }
  if (parsed.date > today || addDays(parsed.date, ASSESS_DAYS) < today) {
    throw new Conflict('PENILAIAN_DITUTUP', `Hasil kerja dapat dinilai sampai ${ASSESS_DAYS} hari sesudah apelnya.`);
  }
  const [checkin, [sesi]] = await Promise.all([findCheckin(sesiId, nip), getSesiMany([sesiId])]);
  if (!checkin || checkin.opd !== opd.kode) {
    throw new NotFound('CHECKIN_TIDAK_ADA', 'ASN ini belum presensi pada apel tersebut di OPD ini.');
  }
  const before = checkin.penilaian ?? null;
  const mark: AssessmentMark | null = nilai ? { nilai, oleh: who.nip, at: now.toISOString() } : null;
  await setAssessment({
    sesiId,
    nip,
    opd: opd.kode,
    before: before?.nilai ?? null,
    mark,
    countInAggregate: sesi?.state === 'ditutup' && !sesi.demo && parsed.slot === 'sore',
    audit: auditEntry(who, now, {
      action: 'penilaian.catat',
      opd: opd.kode,
      target: `checkin:${sesiId}:${nip}`,
      before: { penilaian: before },
      after: { penilaian: mark },
    }),
  });
  return mark;
}
