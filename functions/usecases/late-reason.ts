import type { ApelConfig } from '../core/config';
import { checkLateReason } from '../core/checkin';
import { Conflict, InvalidInput } from '../core/errors';
import { clockIn } from '../core/format';
import { parseSesiId } from '../core/sesi';
import { findCheckin } from '../store/checkin-store';
import { setLateReason } from '../store/late-reason-store';
import type { Link } from '../store/link-store';
import { getSesiMany } from '../store/sesi-store';

/**
 * PUT /api/me/alasan/{sesiId}: a late ASN's short reason for their head (core/checkin.ts
 * checkLateReason: their own late check-in, while the apel is open). Three requests, none
 * on the check-in's path: the check-in and the sesi read in parallel, then one transaction
 * that sets the reason and a new version of the OPD's notes, so the heads' roll shows it at
 * its next poll. Sent again, it replaces the earlier reason.
 */
export async function giveLateReason(who: Link, sesiId: string, alasan: string, now: Date, config: ApelConfig): Promise<{ alasanTerlambat: string }> {
  if (!parseSesiId(sesiId)) throw new InvalidInput('INPUT_TIDAK_VALID', 'sesi harus berbentuk YYYY-MM-DD.pagi atau YYYY-MM-DD.sore');
  const [checkin, [sesi]] = await Promise.all([findCheckin(sesiId, who.nip), getSesiMany([sesiId])]);
  checkLateReason(now, sesi, checkin?.status, clockIn(config.timeZone));
  if (!(await setLateReason(sesiId, who.nip, checkin!.opd, alasan, now))) throw new Conflict('BELUM_PRESENSI', 'Anda belum presensi pada apel ini.');
  return { alasanTerlambat: alasan };
}
