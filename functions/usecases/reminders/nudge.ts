import type { Principal } from '../../core/access';
import { auditEntry } from '../../core/audit';
import type { ApelConfig } from '../../core/config';
import { Conflict } from '../../core/errors';
import type { Opd } from '../../core/roster';
import { clockIn } from '../../core/format';
import { writeAudited } from '../../store/audit-store';
import { reminderSentAt, reminderSentPut, subscriptionsOfMany } from '../../store/reminder-store';
import { opdRoll } from '../opd/roll';
import { queueSendsTo } from './plan';
import type { NudgeSent } from '../../../contract';

/**
 * "Kirim pengingat" on the live roll: a push to the OPD's staff not yet checked in (the
 * roll's belum hadir) who switched reminders on, at most once per apel, OPD and head. The
 * marker and the audit line are one transaction (the marker `attribute_not_exists`), so a
 * second tap, a retry or a second tab is refused and leaves no second line; then the send
 * jobs are queued. If queueing fails after the transaction (an SQS outage), the head gets
 * 503 and this apel's nudge is spent: at most once, never twice.
 */
class AlreadySent extends Error {}

export async function nudge(who: Principal, opd: Opd, sesiId: string, now: Date, config: ApelConfig): Promise<NudgeSent> {
  const roll = await opdRoll(opd, sesiId, now, config);
  const sesi = roll.sesi;
  if (!sesi || sesi.id !== sesiId || sesi.state !== 'dibuka') {
    throw new Conflict('APEL_TIDAK_DIBUKA', 'Pengingat hanya dapat dikirim selama apel dibuka.');
  }
  const belum = roll.rows.filter((r) => r.status === 'belum_hadir').map((r) => r.nip);
  const subscribed = await subscriptionsOfMany(belum);
  const marker = `PIMPINAN#${opd.kode}#${who.nip}`;
  const result: NudgeSent = { dikirimPada: now.toISOString(), belumHadir: belum.length, berlangganan: subscribed.length };
  try {
    await writeAudited(
      [reminderSentPut(sesiId, marker, now, subscribed.length)],
      auditEntry(who, now, { action: 'pengingat.kirim', opd: opd.kode, target: `sesi:${sesiId}`, after: { belumHadir: belum.length, berlangganan: subscribed.length } }),
      (index) => (index === 0 ? new AlreadySent() : undefined),
    );
  } catch (e) {
    if (!(e instanceof AlreadySent)) throw e;
    const sentAt = await reminderSentAt(sesiId, marker);
    const when = sentAt ? ` pukul ${clockIn(config.timeZone)(new Date(sentAt))}` : '';
    throw new Conflict('PENGINGAT_SUDAH_DIKIRIM', `Anda sudah mengirim pengingat untuk apel ini${when}; pengingat hanya sekali per apel.`);
  }
  await queueSendsTo('pimpinan', { ...sesi, opensAt: new Date(sesi.opensAt), onTimeUntil: new Date(sesi.onTimeUntil), closesAt: new Date(sesi.closesAt), state: 'dibuka' }, subscribed, config);
  return result;
}
