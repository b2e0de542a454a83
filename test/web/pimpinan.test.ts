import { describe, expect, it } from 'vitest';
import { send } from '../../web/src/lib/api';
import type { Counts } from '../../contract';
import { filenameOf } from '../../web/src/lib/download';
import { addDays, daySpan, excusedBreakdown, excusedCount, groupOf, matchesSearch, mondayOf, statusBadge } from '../../web/src/pages/Pimpinan/roll';

const counts = (over: Partial<Counts> = {}): Counts => ({
  expected: 10,
  hadir: 4,
  terlambat: 1,
  belumHadir: 2,
  tidakHadir: 0,
  izin: 1,
  sakit: 2,
  cuti: 0,
  dinas_luar: 0,
  tugas_belajar: 0,
  dibebaskan: 0,
  ...over,
});

describe('the live roll at a glance', () => {
  it('labels each status in Indonesian with its colour', () => {
    expect(statusBadge('hadir')).toEqual({ text: 'Hadir', tone: 'hadir' });
    expect(statusBadge('belum_hadir')).toEqual({ text: 'Belum hadir', tone: 'belum' });
    expect(statusBadge('tidak_hadir')).toEqual({ text: 'Tidak hadir', tone: 'absen' });
    expect(statusBadge('dinas_luar')).toEqual({ text: 'Dinas luar', tone: 'izin' });
    expect(statusBadge('tugas_belajar').text).toBe('Tugas belajar');
  });

  it('groups every excuse kind under one count tile', () => {
    expect(groupOf('sakit')).toBe('izin');
    expect(groupOf('cuti')).toBe('izin');
    expect(groupOf('terlambat')).toBe('terlambat');
    expect(excusedCount(counts())).toBe(3);
    expect(excusedBreakdown(counts())).toBe('I 1 · S 2');
    expect(excusedBreakdown(counts({ izin: 0, sakit: 0 }))).toBe('');
  });

  it('finds an ASN by any part of the name, any case, or by NIP written with spaces', () => {
    const row = { nama: 'Fatimah Tuliabu', nip: '199004152025012011' };
    expect(matchesSearch(row, 'tuli')).toBe(true);
    expect(matchesSearch(row, '  FATIMAH ')).toBe(true);
    expect(matchesSearch(row, '19900415 202501')).toBe(true);
    expect(matchesSearch(row, '2011')).toBe(true);
    expect(matchesSearch(row, 'hendra')).toBe(false);
    expect(matchesSearch(row, '1977')).toBe(false);
    expect(matchesSearch(row, '')).toBe(true);
  });
});

describe('dates of the forms', () => {
  it('adds days across months and years, finds the Monday, counts a span inclusively', () => {
    expect(addDays('2026-11-30', 2)).toBe('2026-12-02');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(mondayOf('2026-12-03')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(daySpan('2026-11-30', '2026-11-30')).toBe(1);
    expect(daySpan('2026-11-01', '2027-01-31')).toBe(92);
  });
});

describe('the recap as a CSV download', () => {
  it("takes the server's file name from Content-Disposition", () => {
    expect(filenameOf('attachment; filename="rekap-setda-2026-11-30_2026-12-01.csv"')).toBe('rekap-setda-2026-11-30_2026-12-01.csv');
    expect(filenameOf("attachment; filename=\"rekap.csv\"; filename*=UTF-8''rekap%20sekretariat.csv")).toBe('rekap sekretariat.csv');
    expect(filenameOf('attachment; filename=rekap.csv')).toBe('rekap.csv');
    expect(filenameOf('attachment')).toBeUndefined();
    expect(filenameOf(null)).toBeUndefined();
  });
});

describe('polling with a conditional request', () => {
  it('sends If-None-Match and reads a 304 as "nothing changed"', async () => {
    // Prepare
    let sent: Headers | undefined;
    const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
      sent = new Headers(init?.headers);
      return new Response(null, { status: 304 });
    };
    // Act
    const { body } = await send('GET', '/opd/setda/apel', 'tok', undefined, async (res) => (res.status === 304 ? null : res.json()), {
      headers: { 'If-None-Match': '"v1"' },
      fetch,
    });
    // Assert
    expect(body).toBeNull();
    expect(sent?.get('If-None-Match')).toBe('"v1"');
    expect(sent?.get('Authorization')).toBe('Bearer tok');
  });

  it('gives a 403 to the page with the server message, without retrying', async () => {
    let calls = 0;
    const refusal = send('GET', '/opd/dinkes/apel', 'tok', undefined, async (res) => res.json(), {
      fetch: async () => {
        calls++;
        return new Response(JSON.stringify({ error: { code: 'BUKAN_OPD_ANDA', message: 'Anda hanya dapat melihat data OPD Anda sendiri.' } }), {
          status: 403,
        });
      },
    });
    await expect(refusal).rejects.toMatchObject({ status: 403, code: 'BUKAN_OPD_ANDA' });
    expect(calls).toBe(1);
  });
});
