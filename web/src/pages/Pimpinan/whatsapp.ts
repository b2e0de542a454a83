import type { Roll } from '../../../../contract';
import { hourMinute, longDate } from '../../lib/time';

/**
 * "Salin pesan WhatsApp" on the live roll (issue 12): a message for the OPD's WhatsApp group
 * with the apel, the time left and the names of those not yet checked in (the roll's belum
 * hadir; the excused are left out), ready to paste. `now` is the server's time (ms).
 */
export function whatsappMessage(roll: Roll, now: number, zoneLabel: string): string {
  const sesi = roll.sesi!;
  const hm = (iso: string) => `${hourMinute(iso, roll.timeZone)} ${zoneLabel}`;
  const left = (iso: string) => Math.max(1, Math.ceil((Date.parse(iso) - now) / 60_000));
  const onTime = Date.parse(sesi.onTimeUntil) + 59_999; // on time to the end of that minute
  const when =
    now < onTime
      ? `Tepat waktu sampai ${hm(sesi.onTimeUntil)} (${left(new Date(onTime - 59_999).toISOString())} menit lagi).`
      : `Batas tepat waktu ${hm(sesi.onTimeUntil)} sudah lewat; apel ditutup ${hm(sesi.closesAt)} (${left(sesi.closesAt)} menit lagi).`;
  const names = roll.rows.filter((r) => r.status === 'belum_hadir').map((r) => r.nama);
  return [
    `*${sesi.label} — ${roll.opd.nama}*`,
    `${longDate(sesi.date)}. ${when}`,
    '',
    names.length === 0 ? 'Semua pegawai sudah presensi atau berketerangan. Terima kasih.' : `Belum presensi (${names.length}):`,
    ...names.map((n, i) => `${i + 1}. ${n}`),
    ...(names.length > 0 ? ['', 'Mohon segera presensi lewat tautan pribadi masing-masing. Terima kasih.'] : []),
  ].join('\n');
}
