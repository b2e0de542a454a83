import { describe, expect, it } from 'vitest';
import { decideCheckin } from '../../functions/core/checkin';
import { Conflict } from '../../functions/core/errors';
import { clockIn } from '../../functions/core/format';

const sesi = {
  slot: 'pagi' as const,
  state: 'dibuka' as const,
  opensAt: new Date('2026-11-29T23:00:00Z'), // 07:00 WITA
  onTimeUntil: new Date('2026-11-29T23:30:00Z'), // 07:30 WITA
  closesAt: new Date('2026-11-30T00:00:00Z'), // 08:00 WITA
};
const clock = clockIn('Asia/Makassar');
const at = (iso: string) => decideCheckin(new Date(iso), sesi, clock);

function refusal(iso: string): Conflict {
  try {
    at(iso);
  } catch (e) {
    if (e instanceof Conflict) return e;
    throw e;
  }
  throw new Error(`expected a refusal at ${iso}`);
}

describe('the check-in window', () => {
  it('refuses a check-in one millisecond before the window opens', () => {
    const e = refusal('2026-11-29T22:59:59.999Z');
    expect(e.code).toBe('SESI_BELUM_DIBUKA');
    expect(e.message).toContain('07.00 WITA');
  });

  it('records hadir from the opening instant', () => {
    expect(at('2026-11-29T23:00:00.000Z')).toBe('hadir');
  });

  it('records hadir exactly at on-time-until (07:30:00 is on time)', () => {
    expect(at('2026-11-29T23:30:00.000Z')).toBe('hadir');
  });

  it('records hadir through the whole minute the page shows ("Tepat waktu sampai 07.30": 07:30:01 and 07:30:59.999)', () => {
    expect(at('2026-11-29T23:30:01.000Z')).toBe('hadir');
    expect(at('2026-11-29T23:30:59.999Z')).toBe('hadir');
  });

  it('records terlambat from the next minute (07:31:00)', () => {
    expect(at('2026-11-29T23:31:00.000Z')).toBe('terlambat');
  });

  it('counts a demo window whose on-time instant is not on a minute through the end of that minute', () => {
    const demo = { ...sesi, onTimeUntil: new Date('2026-11-29T23:15:27.500Z') };
    expect(decideCheckin(new Date('2026-11-29T23:15:59.999Z'), demo, clock)).toBe('hadir');
    expect(decideCheckin(new Date('2026-11-29T23:16:00.000Z'), demo, clock)).toBe('terlambat');
  });

  it('records terlambat one millisecond before the close', () => {
    expect(at('2026-11-29T23:59:59.999Z')).toBe('terlambat');
  });

  it('refuses a check-in exactly at the closing time', () => {
    const e = refusal('2026-11-30T00:00:00.000Z');
    expect(e.code).toBe('SESI_SUDAH_DITUTUP');
    expect(e.message).toBe('Apel pagi sudah ditutup pukul 08.00 WITA.');
  });

  it('refuses a sesi that was closed early even inside its window', () => {
    expect(() => decideCheckin(new Date('2026-11-29T23:10:00Z'), { ...sesi, state: 'ditutup' }, clock)).toThrow(Conflict);
  });
});
