import { describe, expect, it } from 'vitest';
import { INDONESIAN_ZONES, parseConfig } from '../../functions/core/config';
import { isWfaDay, plannedSesi, sesiWindow, upcomingSesi } from '../../functions/core/sesi';
import { localDate, localTime, mondayOf, weekdayOf, zonedInstant } from '../../functions/core/time';

const config = parseConfig({ regency: 'Kabupaten Bolaang Mongondow Selatan' });

describe('time zone', () => {
  it('reads 23:30 UTC on a Sunday as 07:30 WITA on Monday', () => {
    const instant = new Date('2026-11-29T23:30:00Z');
    expect(localDate(instant, 'Asia/Makassar')).toBe('2026-11-30');
    expect(localTime(instant, 'Asia/Makassar')).toBe('07:30:00');
    expect(weekdayOf(localDate(instant, 'Asia/Makassar'))).toBe('senin');
  });

  it('places 07:00 local at the right instant in WIB, WITA and WIT', () => {
    expect(zonedInstant('2026-11-30', '07:00', 'Asia/Jakarta').toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(zonedInstant('2026-11-30', '07:00', 'Asia/Makassar').toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(zonedInstant('2026-11-30', '07:00', 'Asia/Jayapura').toISOString()).toBe('2026-11-29T22:00:00.000Z');
  });

  it('handles a zone with daylight saving on the day it changes', () => {
    // Europe/Berlin moves to summer time on 2026-03-29; 07:00 that morning is UTC+2.
    expect(zonedInstant('2026-03-29', '07:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T05:00:00.000Z');
    expect(zonedInstant('2026-03-28', '07:00', 'Europe/Berlin').toISOString()).toBe('2026-03-28T06:00:00.000Z');
  });

  it("reads Indonesia's zones by their fixed offsets exactly as Intl's zone data does", () => {
    // Every 7 h 13 min 17.3 s over two years: all hours, minutes, both sides of midnight and year ends.
    const step = 7 * 3_600_000 + 13 * 60_000 + 17_300;
    for (const zone of INDONESIAN_ZONES.keys()) {
      const intl = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, hourCycle: 'h23', dateStyle: 'short', timeStyle: 'medium' });
      for (let t = Date.parse('2025-12-31T00:00:00Z'); t < Date.parse('2028-01-01T00:00:00Z'); t += step) {
        const instant = new Date(t);
        expect(`${localDate(instant, zone)} ${localTime(instant, zone)}`, `${zone} at ${instant.toISOString()}`).toBe(intl.format(instant));
      }
      const local = zonedInstant('2026-12-31', '23:59', zone);
      expect(`${localDate(local, zone)} ${localTime(local, zone)}`).toBe('2026-12-31 23:59:00');
    }
  });

  it("refuses a config zone named like an object's own property (toString, constructor)", () => {
    for (const timeZone of ['toString', 'constructor', '__proto__']) {
      expect(() => parseConfig({ regency: 'Kabupaten Bolaang Mongondow Selatan', timeZone })).toThrow(/zona waktu/);
    }
  });

  it('finds the Monday of a week', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-03')).toBe('2026-11-30');
  });
});

describe('WFA days', () => {
  it('has apel on Monday and Tuesday and not from Wednesday to Sunday', () => {
    const week = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'];
    expect(week.map((d) => isWfaDay(d, config))).toEqual([true, true, false, false, false, false, false]);
  });

  it('opens nothing on a holiday that falls on a Monday', () => {
    const holiday = { date: '2026-03-23', jenis: 'cuti_bersama' as const, keterangan: 'Idul Fitri 1447 Hijriah' };
    expect(plannedSesi('2026-03-23', config, holiday)).toEqual([]);
    expect(plannedSesi('2026-03-30', config)).toHaveLength(2);
  });

  it('follows the configured weekdays of another regency', () => {
    const other = parseConfig({ regency: 'Kota Contoh', timeZone: 'Asia/Jakarta', wfaDays: ['jumat'] });
    expect(isWfaDay('2026-12-04', other)).toBe(true);
    expect(isWfaDay('2026-11-30', other)).toBe(false);
  });

  it('builds the pagi window from the configured local times', () => {
    const w = sesiWindow('2026-11-30', 'pagi', config);
    expect(w.opensAt.toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(w.onTimeUntil.toISOString()).toBe('2026-11-29T23:30:00.000Z');
    expect(w.closesAt.toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  it('lists the coming sesi of 14 days, skipping holidays and sesi already over', () => {
    const holidays = new Map([['2026-12-01', { date: '2026-12-01', jenis: 'libur_nasional' as const, keterangan: 'Contoh' }]]);
    const now = new Date('2026-11-30T02:00:00Z'); // Monday 10:00 WITA: pagi is over, sore is to come
    const ids = upcomingSesi(now, 14, config, holidays).map((s) => s.id);
    expect(ids).toEqual([
      '2026-11-30.sore',
      '2026-12-07.pagi',
      '2026-12-07.sore',
      '2026-12-08.pagi',
      '2026-12-08.sore',
    ]);
  });
});
