import { describe, expect, it } from 'vitest';
import type { SesiView } from '../../contract';
import { ApiError, request, retryDelayMs } from '../../web/src/lib/api';
import { formatNip } from '../../web/src/lib/nip';
import { badgeOf, byDate, currentSesi } from '../../web/src/pages/Checkin/sesi';
import { clockTime, countdown, countdownWords, dateIn, hourMinute, longDate, shortDate } from '../../web/src/lib/time';
import { tokenFromHash } from '../../web/src/lib/token';

const sesi = (id: string, state: SesiView['state'], status: SesiView['status'] = 'belum'): SesiView => ({
  id,
  date: id.slice(0, 10),
  slot: 'pagi',
  label: 'Apel Pagi',
  opensAt: '2026-11-29T23:00:00.000Z',
  onTimeUntil: '2026-11-29T23:30:00.000Z',
  closesAt: '2026-11-30T00:00:00.000Z',
  state,
  demo: false,
  status,
  checkedInAt: null,
  tidakPatuh: null,
  alasanTerlambat: null,
  laporan: null,
  seragamDikonfirmasi: null,
});

describe('times in the regency zone', () => {
  it('shows an instant in WITA whatever the browser zone', () => {
    // Prepare
    const at = '2026-11-29T23:12:03.120Z';
    // Act & Assert
    expect(clockTime(at, 'Asia/Makassar')).toBe('07.12.03');
    expect(hourMinute(at, 'Asia/Makassar')).toBe('07.12');
    expect(hourMinute(at, 'Asia/Jakarta')).toBe('06.12');
    expect(dateIn(Date.parse(at), 'Asia/Makassar')).toBe('2026-11-30');
  });

  it('writes calendar dates in Indonesian', () => {
    expect(shortDate('2026-11-30')).toBe('Sen, 30 Nov');
    expect(longDate('2026-11-30')).toBe('Senin, 30 November 2026');
  });

  it('counts down in minutes and seconds, with hours when needed, never below zero', () => {
    expect(countdown(47 * 60_000 + 57_000)).toBe('47:57');
    expect(countdown(3_600_000 + 2 * 60_000 + 3_000)).toBe('1:02:03');
    expect(countdown(-5_000)).toBe('00:00');
    expect(countdown(1)).toBe('00:01');
    expect(countdown(2 * 86_400_000 + 3_600_000 + 5_000)).toBe('2 hari 01:00:05');
    expect(countdownWords(2 * 86_400_000 + 3 * 3_600_000)).toBe('2 hari 3 jam');
    expect(countdownWords(3_600_000 + 2 * 60_000)).toBe('1 jam 2 menit');
    expect(countdownWords(40_000)).toBe('40 detik');
  });
});

describe('which apel to show', () => {
  it('prefers the open sesi, else the next scheduled one', () => {
    const pagi = sesi('2026-11-30.pagi', 'ditutup', 'hadir');
    const sore = sesi('2026-11-30.sore', 'terjadwal');
    expect(currentSesi([pagi, sore])?.id).toBe('2026-11-30.sore');
    expect(currentSesi([sesi('2026-11-30.demo', 'terjadwal'), sesi('2026-11-30.pagi', 'dibuka')])?.id).toBe('2026-11-30.pagi');
    expect(currentSesi([pagi])).toBeUndefined();
  });

  it('labels each status, telling a future sesi from one not attended yet', () => {
    expect(badgeOf({ state: 'ditutup', status: 'tidak_hadir' }).text).toBe('Tidak hadir');
    expect(badgeOf({ state: 'terjadwal', status: 'belum' }).text).toBe('Terjadwal');
    expect(badgeOf({ state: 'dibuka', status: 'belum' }).text).toBe('Belum');
    expect(badgeOf({ state: 'dibuka', status: 'terlambat' }).text).toBe('Terlambat');
  });

  it('groups the week by day', () => {
    const days = byDate([sesi('2026-11-30.pagi', 'ditutup'), sesi('2026-11-30.sore', 'ditutup'), sesi('2026-12-01.pagi', 'terjadwal')]);
    expect(days.map(([date, list]) => [date, list.length])).toEqual([
      ['2026-11-30', 2],
      ['2026-12-01', 1],
    ]);
  });

  it('groups a NIP as it is usually written', () => {
    expect(formatNip('199004152025012011')).toBe('19900415 202501 2 011');
    expect(formatNip('123')).toBe('123');
  });
});

describe('the link token', () => {
  it('reads the token from the fragment only', () => {
    expect(tokenFromHash('#t=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromHash('#x=1&t=tok')).toBe('tok');
    expect(tokenFromHash('#t=')).toBeUndefined();
    expect(tokenFromHash('')).toBeUndefined();
  });
});

describe('retrying a request', () => {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
  const ok = { checkin: { sesiId: 's', nip: 'n', status: 'hadir', at: 'a' }, repeat: false };

  it('waits at least Retry-After, else backs off exponentially, with jitter', () => {
    expect(retryDelayMs(1, '3', () => 0)).toBe(3000);
    expect(retryDelayMs(1, '3', () => 1)).toBe(4500);
    expect(retryDelayMs(1, null, () => 0)).toBe(1000);
    expect(retryDelayMs(3, null, () => 0)).toBe(4000);
    expect(retryDelayMs(9, null, () => 0)).toBe(8000);
  });

  it('retries a 503 and a network failure, then returns the answer', async () => {
    // Prepare
    const answers: (() => Response)[] = [
      () => json(503, { error: { code: 'LAYANAN_SIBUK', message: 'Sibuk' } }, { 'Retry-After': '2' }),
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => json(200, { ...ok, repeat: true }),
    ];
    const waits: number[] = [];
    const retries: number[] = [];
    // Act
    const result = await request('POST', '/checkins', 'tok', { sesiId: 's' }, {
      fetch: async () => (answers.shift() as () => Response)(),
      sleep: async (ms) => void waits.push(ms),
      random: () => 0,
      onRetry: (n) => retries.push(n),
    });
    // Assert
    expect(result.body).toEqual({ ...ok, repeat: true });
    expect(waits).toEqual([2000, 2000]);
    expect(retries).toEqual([2, 3]);
  });

  it('does not retry a refusal and keeps the server message', async () => {
    let calls = 0;
    const refusal = request('POST', '/checkins', 'tok', { sesiId: 's' }, {
      fetch: async () => {
        calls++;
        return json(409, { error: { code: 'SESI_SUDAH_DITUTUP', message: 'Apel pagi sudah ditutup pukul 08.00 WITA.' } });
      },
      sleep: async () => {},
    });
    await expect(refusal).rejects.toMatchObject({ status: 409, code: 'SESI_SUDAH_DITUTUP', message: 'Apel pagi sudah ditutup pukul 08.00 WITA.' });
    expect(calls).toBe(1);
  });

  it('gives up after the last attempt with a message in Indonesian', async () => {
    let calls = 0;
    const failure = request('GET', '/me', 'tok', undefined, {
      attempts: 3,
      fetch: async () => {
        calls++;
        throw new DOMException('aborted', 'AbortError');
      },
      sleep: async () => {},
    });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 0, code: 'JARINGAN' });
    expect(calls).toBe(3);
  });

  it('sends the token as a bearer header', async () => {
    let auth: string | null = null;
    await request('GET', '/me', 'tok-1', undefined, {
      fetch: async (_url, init) => {
        auth = new Headers(init?.headers).get('Authorization');
        return json(200, {});
      },
    });
    expect(auth).toBe('Bearer tok-1');
  });
});
