import { afterEach, describe, expect, it, vi } from 'vitest';
import { apelJobs } from '../../functions/core/apel-jobs';
import { parseConfig } from '../../functions/core/config';
import { catchUpJobs, jobsDueAt, startScheduler } from '../../functions/local/scheduler';

const config = parseConfig({ regency: 'Kabupaten Bolaang Mongondow Selatan' });

describe('apel jobs', () => {
  it('opens each slot at its opening time and closes it one minute after it closes', () => {
    expect(apelJobs(config).map((j) => `${j.id}@${j.time}`)).toEqual([
      'open-pagi@07:00',
      'close-pagi@08:01',
      'open-sore@15:45',
      'close-sore@16:31',
    ]);
  });

  it('carries the close minute over the hour', () => {
    const late = parseConfig({
      regency: 'Kota Contoh',
      slots: { pagi: { opens: '07:30', onTimeUntil: '07:45', closes: '08:59' }, sore: { opens: '16:00', onTimeUntil: '16:15', closes: '16:30' } },
    });
    expect(apelJobs(late).find((j) => j.id === 'close-pagi')?.time).toBe('09:00');
  });

  it('fires open-pagi at 07:00 WITA, which is 23:00 UTC the day before', () => {
    expect(jobsDueAt(new Date('2026-11-29T23:00:20Z'), config).map((j) => j.id)).toEqual(['open-pagi']);
    expect(jobsDueAt(new Date('2026-11-30T00:01:00Z'), config).map((j) => j.id)).toEqual(['close-pagi']);
    expect(jobsDueAt(new Date('2026-11-29T23:01:00Z'), config)).toEqual([]);
  });

  it('catches up at start-up: opens a window already running, closes those already past', () => {
    const at0710 = catchUpJobs(new Date('2026-11-29T23:10:00Z'), config).map((j) => j.id);
    expect(at0710).toEqual(['open-pagi']);
    const at1600 = catchUpJobs(new Date('2026-11-30T08:00:00Z'), config).map((j) => j.id);
    expect(at1600).toEqual(['close-pagi', 'open-sore']);
    const at2000 = catchUpJobs(new Date('2026-11-30T12:00:00Z'), config).map((j) => j.id);
    expect(at2000).toEqual(['close-pagi', 'close-sore']);
  });
});

describe('the local scheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('fires the same jobs at the same local times, and nothing after it is stopped', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-29T23:10:00Z')); // Monday 07:10 WITA
    const fired: string[] = [];
    const demoClosed = vi.fn(async () => {});
    const scheduler = startScheduler(config, async (job) => void fired.push(job.id), [
      { at: new Date('2026-11-29T23:40:00Z'), job: demoClosed },
    ]);

    expect(fired).toEqual(['open-pagi']); // caught up at start-up

    await vi.advanceTimersByTimeAsync(30 * 60_000); // 07:40
    expect(demoClosed).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(21 * 60_000 + 1_000); // 08:01
    expect(fired).toEqual(['open-pagi', 'close-pagi']);
    await vi.advanceTimersByTimeAsync(7 * 3_600_000 + 45 * 60_000); // 15:46
    expect(fired).toEqual(['open-pagi', 'close-pagi', 'open-sore']);

    scheduler.stop();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(fired).toEqual(['open-pagi', 'close-pagi', 'open-sore']);
  });
});
