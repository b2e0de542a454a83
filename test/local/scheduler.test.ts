import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScheduler } from '../../functions/local/scheduler';

/**
 * The local scheduler only keeps time: it ticks the apel clock (the same handler as the
 * AWS schedule) at start-up and just after every minute starts. What each tick does is
 * the clock's business (test/core/calendar-rules.test.ts, test/integration/apel.test.ts).
 */
describe('the local scheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('ticks at start-up (catching up), then just after the start of every minute, and never after it is stopped', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-29T23:10:30Z')); // Monday 07:10:30 WITA
    const ticks: string[] = [];
    const scheduler = startScheduler(async () => void ticks.push(new Date().toISOString().slice(11, 19)));

    expect(ticks).toEqual(['23:10:30']);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(ticks).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_100); // 23:11:00.100
    expect(ticks).toEqual(['23:10:30', '23:11:00']);
    await vi.advanceTimersByTimeAsync(50 * 60_000);
    expect(ticks).toHaveLength(52);
    expect(ticks.at(-1)).toBe('00:01:00'); // 08:01 WITA: apel pagi's close

    scheduler.stop();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(ticks).toHaveLength(52);
  });

  it('keeps ticking after a tick fails', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-29T23:00:00Z'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    const scheduler = startScheduler(async () => {
      calls++;
      throw new Error('DynamoDB tidak terjangkau');
    });

    await vi.advanceTimersByTimeAsync(3 * 60_000 + 100);

    expect(calls).toBe(4);
    expect(error).toHaveBeenCalledWith('Jam apel gagal dijalankan:', expect.any(Error));
    scheduler.stop();
  });
});
