import { describe, expect, it } from 'vitest';
import type { SesiState } from '../../functions/core/apel-jobs';
import { clockActions } from '../../functions/core/apel-jobs';
import { checkDayChange } from '../../functions/core/calendar';
import { parseConfig } from '../../functions/core/config';
import { Conflict } from '../../functions/core/errors';
import { wfaOn, withWfaChange } from '../../functions/core/opd';
import type { Holiday, SesiPlan, SpecialDay } from '../../functions/core/sesi';
import { applyDisruption, plannedSesi, upcomingSesi } from '../../functions/core/sesi';

const config = parseConfig({ regency: 'Kabupaten Bolaang Mongondow Selatan' });

const MONDAY = '2026-11-30';
const THURSDAY = '2026-12-03';
const holiday: Holiday = { date: MONDAY, jenis: 'libur_nasional', keterangan: 'Contoh libur' };
const day = (d: Partial<SpecialDay> & { date: string }): SpecialDay => ({ tambahan: null, batal: {}, waktu: {}, ...d });
/** 2026-11-30 at a WITA wall-clock time. */
const wita = (time: string, date = MONDAY) => new Date(`${date}T${time}:00+08:00`);

/** What the clock does at each minute of a day, given the plan, starting with no sesi and applying its own actions. */
function runDay(plans: SesiPlan[], date = MONDAY): string[] {
  const existing = new Map<string, SesiState>();
  const log: string[] = [];
  for (let minute = 0; minute < 24 * 60; minute++) {
    const now = new Date(wita('00:00', date).getTime() + minute * 60_000);
    for (const a of clockActions(now, plans, [...existing.values()])) {
      const hhmm = now.toISOString().slice(11, 16);
      if (a.action === 'open') {
        existing.set(a.plan.id, { id: a.plan.id, date: a.plan.date, slot: a.plan.slot, state: 'dibuka', closesAt: a.plan.closesAt });
        log.push(`open ${a.plan.id} ${hhmm}Z`);
      } else {
        existing.set(a.id, { ...existing.get(a.id)!, state: 'ditutup' });
        log.push(`close ${a.id} ${hhmm}Z`);
      }
    }
  }
  return log;
}

describe('the day plan, from config and calendar', () => {
  it('opens nothing on a Monday that is a holiday', () => {
    const plans = plannedSesi(MONDAY, config, holiday);

    expect(plans).toEqual([]);
    expect(runDay(plans)).toEqual([]);
  });

  it('opens both apel on an extra apel day, even on a Thursday', () => {
    const plans = plannedSesi(THURSDAY, config, undefined, day({ date: THURSDAY, tambahan: { keterangan: 'HUT Kabupaten' } }));

    expect(plans.map((p) => p.id)).toEqual(['2026-12-03.pagi', '2026-12-03.sore']);
    expect(runDay(plans, THURSDAY)).toEqual([
      'open 2026-12-03.pagi 23:00Z', // 07:00 WITA the day before in UTC
      'close 2026-12-03.pagi 00:01Z',
      'open 2026-12-03.sore 07:45Z',
      'close 2026-12-03.sore 08:31Z',
    ]);
  });

  it('opens both apel on an extra day that the holiday list also names', () => {
    const plans = plannedSesi(MONDAY, config, holiday, day({ date: MONDAY, tambahan: { keterangan: 'Apel khusus' } }));

    expect(plans).toHaveLength(2);
  });

  it('opens nothing for a cancelled slot and the other slot as usual', () => {
    const plans = plannedSesi(MONDAY, config, undefined, day({ date: MONDAY, batal: { pagi: 'Upacara di lapangan' } }));

    expect(runDay(plans)).toEqual(['open 2026-11-30.sore 07:45Z', 'close 2026-11-30.sore 08:31Z']);
  });

  it('opens nothing when the whole day is cancelled', () => {
    const plans = plannedSesi(MONDAY, config, undefined, day({ date: MONDAY, batal: { pagi: 'Acara', sore: 'Acara' } }));

    expect(runDay(plans)).toEqual([]);
  });

  it('opens and closes at the changed times of that date only', () => {
    const changed = day({ date: MONDAY, waktu: { sore: { opens: '14:45', onTimeUntil: '15:00', closes: '15:30' } } });
    const plans = plannedSesi(MONDAY, config, undefined, changed);

    expect(plans.find((p) => p.slot === 'sore')).toMatchObject({
      opensAt: wita('14:45'),
      onTimeUntil: wita('15:00'),
      closesAt: wita('15:30'),
    });
    expect(runDay(plans)).toEqual([
      'open 2026-11-30.pagi 23:00Z',
      'close 2026-11-30.pagi 00:01Z',
      'open 2026-11-30.sore 06:45Z',
      'close 2026-11-30.sore 07:31Z',
    ]);
    expect(plannedSesi('2026-12-01', config).find((p) => p.slot === 'sore')?.opensAt).toEqual(wita('15:45', '2026-12-01'));
  });

  it('leaves out of the coming schedule the cancelled slots and adds the extra days', () => {
    const specials = new Map([
      [MONDAY, day({ date: MONDAY, batal: { sore: 'Acara' } })],
      [THURSDAY, day({ date: THURSDAY, tambahan: { keterangan: 'HUT' } })],
    ]);
    const ids = upcomingSesi(wita('06:00'), 4, config, new Map(), specials).map((p) => p.id);

    expect(ids).toEqual(['2026-11-30.pagi', '2026-12-01.pagi', '2026-12-01.sore', '2026-12-03.pagi', '2026-12-03.sore']);
  });
});

describe('the apel clock', () => {
  const [pagi] = plannedSesi(MONDAY, config) as [SesiPlan];
  const open = (closesAt = pagi.closesAt): SesiState => ({ id: pagi.id, date: MONDAY, slot: 'pagi', state: 'dibuka', closesAt });

  it('opens a sesi whose window has begun, once', () => {
    expect(clockActions(wita('06:59'), [pagi], [])).toEqual([]);
    expect(clockActions(wita('07:00'), [pagi], [])).toEqual([{ action: 'open', plan: pagi }]);
    expect(clockActions(wita('07:01'), [pagi], [open()])).toEqual([]);
  });

  it('catches up on a window already running (a late start), but never opens one that is over', () => {
    expect(clockActions(wita('07:40'), [pagi], [])).toEqual([{ action: 'open', plan: pagi }]);
    expect(clockActions(wita('08:00'), [pagi], [])).toEqual([]);
  });

  it('closes one minute after the sesi record closes, even if the plan says otherwise', () => {
    expect(clockActions(wita('08:00'), [pagi], [open()])).toEqual([]);
    expect(clockActions(wita('08:01'), [pagi], [open()])).toEqual([{ action: 'close', id: pagi.id, date: MONDAY, slot: 'pagi' }]);
    const extended = open(wita('08:15'));
    expect(clockActions(wita('08:01'), [pagi], [extended])).toEqual([]);
    expect(clockActions(wita('08:16'), [pagi], [extended])).toHaveLength(1);
  });

  it('closes an open demo sesi and one left open yesterday, and leaves closed ones alone', () => {
    const demo: SesiState = { id: `${MONDAY}.demo`, date: MONDAY, slot: 'demo', state: 'dibuka', closesAt: wita('10:00') };
    const yesterday: SesiState = { id: '2026-11-29.sore', date: '2026-11-29', slot: 'sore', state: 'dibuka', closesAt: wita('16:30', '2026-11-29') };
    const closed: SesiState = { ...open(), state: 'ditutup' };

    expect(clockActions(wita('10:01'), [], [demo, yesterday, closed]).map((a) => a.action === 'close' && a.id)).toEqual([demo.id, yesterday.id]);
  });
});

describe('changing a date in the calendar', () => {
  const before = plannedSesi(MONDAY, config);
  const cancelledSore = plannedSesi(MONDAY, config, undefined, day({ date: MONDAY, batal: { sore: 'Acara' } }));

  it('may change a slot that has not opened yet', () => {
    expect(() => checkDayChange(MONDAY, MONDAY, before, cancelledSore, new Set([`${MONDAY}.pagi`]))).not.toThrow();
  });

  it('refuses to cancel or re-time a slot already opened, and any change to a past date', () => {
    expect(() => checkDayChange(MONDAY, MONDAY, before, cancelledSore, new Set([`${MONDAY}.sore`]))).toThrow(
      expect.objectContaining({ code: 'SESI_SUDAH_DIBUKA' }),
    );
    expect(() => checkDayChange(MONDAY, '2026-12-01', before, cancelledSore, new Set())).toThrow(
      expect.objectContaining({ code: 'TANGGAL_LEWAT' }),
    );
  });
});

describe('OPD exempt from WFA from a date', () => {
  const dinkes = { kode: 'dinkes', nama: 'Dinas Kesehatan', wfa: true };

  it('uses the OPD value before any change, and the latest change on or before the date after', () => {
    const changes = withWfaChange(withWfaChange(undefined, { sejak: '2027-01-04', wfa: true }), { sejak: '2026-12-01', wfa: false });
    const opd = { ...dinkes, wfaSejak: changes };

    expect(changes.map((c) => c.sejak)).toEqual(['2026-12-01', '2027-01-04']);
    expect(wfaOn(opd, '2026-11-30')).toBe(true);
    expect(wfaOn(opd, '2026-12-01')).toBe(false);
    expect(wfaOn(opd, '2026-12-31')).toBe(false);
    expect(wfaOn(opd, '2027-01-04')).toBe(true);
  });

  it('replaces a change made for the same date', () => {
    const changes = withWfaChange([{ sejak: '2026-12-01', wfa: false }], { sejak: '2026-12-01', wfa: true });

    expect(changes).toEqual([{ sejak: '2026-12-01', wfa: true }]);
  });
});

describe('a disruption', () => {
  const [pagi] = plannedSesi(MONDAY, config) as [SesiPlan];
  const now = wita('07:20');

  it('extends an open window, and again, up to 120 minutes in all', () => {
    const first = applyDisruption({ state: 'dibuka', closesAt: pagi.closesAt }, { mode: 'perpanjang', menit: 15, keterangan: 'Jaringan putus' }, 'admin', now);
    const second = applyDisruption({ state: 'dibuka', closesAt: first.closesAt, gangguan: first.gangguan }, { mode: 'perpanjang', menit: 10, keterangan: 'Masih putus' }, 'admin', now);

    expect(first.closesAt).toEqual(wita('08:15'));
    expect(second).toMatchObject({ closesAt: wita('08:25'), gangguan: { mode: 'perpanjang', menit: 25, oleh: 'admin' } });
    expect(() =>
      applyDisruption({ state: 'dibuka', closesAt: second.closesAt, gangguan: second.gangguan }, { mode: 'perpanjang', menit: 100, keterangan: 'x' }, 'admin', now),
    ).toThrow(expect.objectContaining({ code: 'PERPANJANGAN_TERLALU_LAMA' }));
  });

  it('cannot extend a closed sesi, but can free it; freeing is final', () => {
    const closed = { state: 'ditutup' as const, closesAt: pagi.closesAt };

    expect(() => applyDisruption(closed, { mode: 'perpanjang', menit: 5, keterangan: 'x' }, 'admin', now)).toThrow(Conflict);
    const freed = applyDisruption(closed, { mode: 'bebaskan', keterangan: 'Server mati' }, 'admin', now);
    expect(freed).toEqual({ closesAt: pagi.closesAt, gangguan: { mode: 'bebaskan', keterangan: 'Server mati', oleh: 'admin', at: now.toISOString() } });
    expect(() => applyDisruption({ ...closed, gangguan: freed.gangguan }, { mode: 'bebaskan', keterangan: 'lagi' }, 'admin', now)).toThrow(
      expect.objectContaining({ code: 'SUDAH_DIBEBASKAN' }),
    );
  });
});
