import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/core/config';
import { plannedSesi, sesiId } from '../../functions/core/sesi';
import { sesiOfDays, sesiState } from '../../functions/core/sesi-state';

const config = parseConfig({ regency: 'Kabupaten Bolaang Mongondow Selatan' });
// Monday 30 November 2026: pagi 07:00–08:00 WITA (23:00–00:00 UTC), sore 15:45–16:30 WITA.
const [pagi, sore] = plannedSesi('2026-11-30', config) as [ReturnType<typeof plannedSesi>[0], ReturnType<typeof plannedSesi>[0]];
const opened = (plan: typeof pagi, state: 'dibuka' | 'ditutup' = 'dibuka') => ({ ...plan, state, demo: false });
const at = (iso: string) => new Date(iso);

describe('the state of a sesi (planned × opened × now)', () => {
  it('is to come before its window, whether or not the clock has opened it yet', () => {
    expect(sesiState(pagi, undefined, at('2026-11-29T22:59:59Z'))).toBe('terjadwal');
    expect(sesiState(pagi, opened(pagi), at('2026-11-29T22:59:59Z'))).toBe('terjadwal');
  });

  it('is open once opened and inside its window, and still to come if the clock has not opened it', () => {
    expect(sesiState(pagi, opened(pagi), at('2026-11-29T23:00:00Z'))).toBe('dibuka');
    expect(sesiState(pagi, undefined, at('2026-11-29T23:15:00Z'))).toBe('terjadwal');
  });

  it('is over from closesAt on, before the clock has run the close, and once the clock closed it', () => {
    expect(sesiState(pagi, opened(pagi), at('2026-11-29T23:59:59Z'))).toBe('dibuka');
    expect(sesiState(pagi, opened(pagi), at('2026-11-30T00:00:00Z'))).toBe('ditutup');
    expect(sesiState(pagi, opened(pagi, 'ditutup'), at('2026-11-29T23:30:00Z'))).toBe('ditutup');
  });

  it('follows the window of the record: an extension keeps it open past the planned close', () => {
    const extended = { ...opened(pagi), closesAt: at('2026-11-30T00:15:00Z') };
    const [day] = sesiOfDays([pagi], [extended], at('2026-11-30T00:05:00Z'));
    expect(day).toMatchObject({ id: pagi.id, state: 'dibuka', opened: true });
  });
});

describe('the sesi of a day', () => {
  it('lists opened ones (demo included) and planned ones still to come, in order of opening', () => {
    const demo = { ...pagi, id: sesiId('2026-11-30', 'demo'), slot: 'demo' as const, opensAt: at('2026-11-30T02:00:00Z'), closesAt: at('2026-11-30T02:30:00Z'), state: 'dibuka' as const, demo: true };
    const days = sesiOfDays([pagi, sore], [opened(pagi, 'ditutup'), demo], at('2026-11-30T02:10:00Z'));
    expect(days.map((s) => [s.id, s.state, s.opened, s.demo])).toEqual([
      ['2026-11-30.pagi', 'ditutup', true, false],
      ['2026-11-30.demo', 'dibuka', true, true],
      ['2026-11-30.sore', 'terjadwal', false, false],
    ]);
  });

  it('leaves out a planned apel whose window passed without it ever opening', () => {
    expect(sesiOfDays([pagi, sore], [], at('2026-11-30T01:00:00Z')).map((s) => s.id)).toEqual(['2026-11-30.sore']);
  });

  it('carries the disruption the admin declared on the record', () => {
    const gangguan = { mode: 'bebaskan' as const, keterangan: 'Listrik padam', oleh: '198001012005011001', at: '2026-11-29T23:40:00Z' };
    const [day] = sesiOfDays([pagi], [{ ...opened(pagi), gangguan }], at('2026-11-29T23:45:00Z'));
    expect(day?.gangguan).toEqual(gangguan);
  });
});
