import type { CheckinStatus } from '../core/checkin';
import { decideCheckin } from '../core/checkin';
import type { ReportRule } from '../core/config';
import { reportFor } from '../core/checkin';
import { Conflict, linkInvalid } from '../core/errors';
import type { SesiSlot } from '../core/sesi';
import type { Checkin } from '../store/checkin-store';
import { findCheckin, loadLinkAndSesi, recordCheckin } from '../store/checkin-store';

/**
 * What happens when an ASN taps "Hadir": the link and the sesi in one read, the rule
 * on the server's clock, one conditional write. Refusals write nothing; a retry
 * arriving after the close still learns that the first tap was recorded.
 */
export async function checkIn(
  tokenHash: string,
  sesiId: string,
  now: Date,
  formatClock: (d: Date) => string,
  statement: { laporan?: string | undefined; seragam?: boolean | undefined; laporanRule: (slot: SesiSlot) => ReportRule } = {
    laporanRule: () => 'opsional',
  },
): Promise<{ checkin: Checkin; repeat: boolean }> {
  const { link, sesi } = await loadLinkAndSesi(tokenHash, sesiId);
  if (!link) throw linkInvalid();
  if (!sesi) throw new Conflict('SESI_TIDAK_ADA', 'Apel ini tidak dibuka: bukan hari apel WFA atau belum dijadwalkan.');

  let status: CheckinStatus;
  try {
    status = decideCheckin(now, sesi, formatClock);
  } catch (refusal) {
    const earlier = refusal instanceof Conflict ? await findCheckin(sesi.id, link.nip) : undefined;
    if (earlier) return { checkin: earlier, repeat: true };
    throw refusal;
  }
  let laporan: string | undefined;
  try {
    laporan = reportFor(sesi.slot, statement.laporan, statement.laporanRule(sesi.slot));
  } catch (refusal) {
    // A second phone tapping without the plan still learns that the first tap counted.
    const earlier = await findCheckin(sesi.id, link.nip);
    if (earlier) return { checkin: earlier, repeat: true };
    throw refusal;
  }
  return recordCheckin({
    sesiId: sesi.id,
    nip: link.nip,
    opd: link.opd,
    status,
    at: now.toISOString(),
    ...(laporan ? { laporan } : {}),
    ...(statement.seragam !== undefined ? { seragam: statement.seragam } : {}),
  });
}
