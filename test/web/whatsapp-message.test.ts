import { describe, expect, it } from 'vitest';
import type { Roll, RollRow } from '../../contract';
import { whatsappMessage } from '../../web/src/pages/Pimpinan/whatsapp';

/** Issue 12: the head's "Salin pesan WhatsApp" on the live roll. */

const row = (nama: string, status: RollRow['status']) => ({ nip: nama, nama, status }) as RollRow;
const roll = {
  timeZone: 'Asia/Makassar',
  opd: { kode: 'setda', nama: 'Sekretariat Daerah', wfa: true },
  sesi: { id: '2026-11-30.pagi', date: '2026-11-30', label: 'Apel Pagi', opensAt: '2026-11-29T23:00:00Z', onTimeUntil: '2026-11-29T23:30:00Z', closesAt: '2026-11-30T00:00:00Z' },
  rows: [row('Hendra Sofyan Gonibala', 'belum_hadir'), row('Fatimah Tuliabu', 'hadir'), row('Sofyan Bonde, S.Pd', 'sakit'), row('Zulkifli Olii', 'belum_hadir')],
} as unknown as Roll;
const at = (hhmm: string) => Date.parse(`2026-11-30T${hhmm}:00+08:00`);

describe('the WhatsApp message of the live roll', () => {
  it('names the apel, the time left before lateness and who has not checked in (not the excused)', () => {
    expect(whatsappMessage(roll, at('07:18'), 'WITA')).toBe(
      [
        '*Apel Pagi — Sekretariat Daerah*',
        'Senin, 30 November 2026. Tepat waktu sampai 07.30 WITA (12 menit lagi).',
        '',
        'Belum presensi (2):',
        '1. Hendra Sofyan Gonibala',
        '2. Zulkifli Olii',
        '',
        'Mohon segera presensi lewat tautan pribadi masing-masing. Terima kasih.',
      ].join('\n'),
    );
  });

  it('after the on-time limit, the minutes until the close', () => {
    expect(whatsappMessage(roll, at('07:41'), 'WITA').split('\n')[1]).toBe('Senin, 30 November 2026. Batas tepat waktu 07.30 WITA sudah lewat; apel ditutup 08.00 WITA (19 menit lagi).');
  });

  it('says so when nobody is left', () => {
    const done = { ...roll, rows: roll.rows.filter((r) => r.status !== 'belum_hadir') } as Roll;
    expect(whatsappMessage(done, at('07:18'), 'WITA')).toMatch(/Semua pegawai sudah presensi atau berketerangan/);
  });
});
