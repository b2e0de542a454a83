import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/core/config';
import { recapOpd } from '../../functions/core/recap';
import { plannedSesi } from '../../functions/core/sesi';
import { sesiViews } from '../../functions/core/sesi-view';

const config = parseConfig({ regency: 'Kabupaten Bolaang Mongondow Selatan' });

describe('recap of an OPD', () => {
  it('counts hadir, terlambat and tidak hadir among the expected staff only', () => {
    const checkins = new Map([
      ['a', { status: 'hadir' as const, at: 't1' }],
      ['b', { status: 'terlambat' as const, at: 't2' }],
      ['x', { status: 'hadir' as const, at: 't3' }], // moved to another OPD since: not expected here
    ]);
    const staff = ['a', 'b', 'c', 'd'].map((nip) => ({ nip, nama: `Nama ${nip}`, jabatan: '' }));
    const recap = recapOpd('setda', true, staff, checkins);
    expect(recap).toMatchObject({ opd: 'setda', wfa: true, expected: 4, hadir: 1, terlambat: 1, tidakHadir: 2 });
    expect(recap.rows.map((r) => [r.nip, r.status, r.at])).toEqual([
      ['a', 'hadir', 't1'],
      ['b', 'terlambat', 't2'],
      ['c', 'tidak_hadir', undefined],
      ['d', 'tidak_hadir', undefined],
    ]);
  });
});

describe('sesi as an ASN sees them', () => {
  const planned = plannedSesi('2026-11-30', config);
  const pagi = { ...planned[0]!, state: 'dibuka' as const, demo: false };

  it('shows an opened sesi as open inside its window and the next as scheduled', () => {
    const views = sesiViews(new Date('2026-11-29T23:05:00Z'), planned, [pagi], new Map());
    expect(views.map((v) => [v.id, v.state, v.status])).toEqual([
      ['2026-11-30.pagi', 'dibuka', 'belum'],
      ['2026-11-30.sore', 'terjadwal', 'belum'],
    ]);
  });

  it('marks a closed sesi without a check-in tidak hadir, and one with a check-in by its status', () => {
    const after = new Date('2026-11-30T09:00:00Z');
    const sore = { ...planned[1]!, state: 'ditutup' as const, demo: false };
    const views = sesiViews(after, planned, [pagi, sore], new Map([['2026-11-30.sore', { status: 'terlambat' as const, at: 'T' }]]));
    expect(views.map((v) => [v.id, v.state, v.status, v.checkedInAt])).toEqual([
      ['2026-11-30.pagi', 'ditutup', 'tidak_hadir', null],
      ['2026-11-30.sore', 'ditutup', 'terlambat', 'T'],
    ]);
  });

  it('leaves out a planned sesi that is over but never opened, so nobody is shown absent from it', () => {
    const views = sesiViews(new Date('2026-11-30T09:00:00Z'), planned, [], new Map());
    expect(views).toEqual([]);
  });
});

describe('config', () => {
  it('fills the Bolsel defaults: WITA, Monday and Tuesday, pagi and sore times', () => {
    expect(config).toMatchObject({
      timeZone: 'Asia/Makassar',
      wfaDays: ['senin', 'selasa'],
      slots: { pagi: { opens: '07:00', onTimeUntil: '07:30', closes: '08:00' }, sore: { opens: '15:45', onTimeUntil: '16:00', closes: '16:30' } },
    });
  });

  it('fails with a message that names each invalid field', () => {
    const bad = {
      regency: 'Kabupaten X',
      timeZone: 'Asia/Bolsel',
      wfaDays: ['senin', 'someday'],
      slots: { pagi: { opens: '07:00', onTimeUntil: '7.30', closes: '08:00' }, sore: { opens: '16:00', onTimeUntil: '16:15', closes: '15:30' } },
    };
    expect(() => parseConfig(bad, 'apel.config.json')).toThrow(/apel\.config\.json tidak valid/);
    let message = '';
    try {
      parseConfig(bad);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('timeZone:');
    expect(message).toContain('wfaDays.1:');
    expect(message).toContain('slots.pagi.onTimeUntil:');
    expect(message).toContain('slots.sore.closes:');
  });
});
