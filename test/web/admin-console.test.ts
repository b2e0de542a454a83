import { afterEach, describe, expect, it, vi } from 'vitest';
import { changes } from '../../web/src/pages/Admin/Audit/diff';
import type { LinkCard } from '../../contract';
import { query } from '../../web/src/lib/query';
import { change, get } from '../../web/src/pages/Admin/api/client';
import { describe as describeDay, draftOf, inputOf } from '../../web/src/pages/Admin/Calendar/specialDay';
import { linksCsv } from '../../web/src/pages/Admin/Links/linksCsv';
import { pagesOf, PER_PAGE } from '../../web/src/pages/Admin/Links/pages';
import { persen } from '../../web/src/pages/Admin/Overview/columns';
import { pathOf, tabOf } from '../../web/src/pages/Admin/route';
import { formatHp } from '../../web/src/pages/Admin/ui/labels';

const link = (n: number, opd = 'setda', over: Partial<LinkCard> = {}): LinkCard => ({
  nip: `19900415202501201${n % 10}`,
  nama: `Pegawai ${String(n).padStart(2, '0')}`,
  jabatan: 'Pelaksana',
  opd,
  opdNama: opd === 'setda' ? 'Sekretariat Daerah' : 'Dinas Kesehatan',
  peran: 'asn',
  noHp: '6281234567890',
  tautan: `https://apel.example.go.id/#t=${'a'.repeat(42)}${n % 10}`,
  waMe: 'https://wa.me/6281234567890?text=x',
  ...over,
});

describe('the links CSV for Excel', () => {
  it('opens in Indonesian Excel: BOM, semicolons, CRLF, NIP and phone kept as text', () => {
    // Act
    const csv = linksCsv([link(1, 'setda', { nama: 'Sofyan Bonde, S.Pd' })], ';');
    // Assert
    expect(csv.startsWith('\uFEFF"NIP";"Nama";"Jabatan";"OPD";"Peran";"No HP";"Tautan";"WhatsApp"\r\n')).toBe(true);
    expect(csv).toContain('"=""199004152025012011""";"Sofyan Bonde, S.Pd";"Pelaksana";"Sekretariat Daerah";"ASN";"=""+62 812-3456-7890""";');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('uses commas for English Excel and leaves an unknown phone empty', () => {
    const csv = linksCsv([link(1, 'setda', { noHp: '', waMe: null })], ',');
    const row = csv.split('\r\n')[1]!;
    expect(row.split('","')).toHaveLength(8);
    expect(row).toContain('"ASN","","https://');
    expect(row.endsWith(',""')).toBe(true);
  });

  it('never lets a name run as a formula in Excel', () => {
    const csv = linksCsv([link(1, 'setda', { nama: '=HYPERLINK("http://x","klik")', jabatan: '+62 Kepala' })], ';');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(csv).toContain(`"'+62 Kepala"`);
  });
});

describe('the printable QR cards', () => {
  it('start each OPD on a new A4 sheet of eight cards, sorted by name', () => {
    // Prepare: 10 in one OPD, 3 in another, shuffled
    const links = [...Array.from({ length: 10 }, (_, i) => link(9 - i)), ...[1, 2, 3].map((i) => link(i, 'dinkes'))];
    // Act
    const pages = pagesOf(links);
    // Assert
    expect(pages.map((p) => [p.opd, p.index, p.count, p.cards.length])).toEqual([
      ['setda', 1, 2, PER_PAGE],
      ['setda', 2, 2, 2],
      ['dinkes', 1, 1, 3],
    ]);
    expect(pages[0]!.cards.map((c) => c.nama).slice(0, 2)).toEqual(['Pegawai 00', 'Pegawai 01']);
    expect(pages[2]!.opdNama).toBe('Dinas Kesehatan');
  });
});

describe('the audit trail, made readable', () => {
  it('shows only the fields that changed, nested ones by their path', () => {
    const c = changes({ nama: 'Hasna', opd: 'setda', waktu: { sore: { opens: '15:45' } } }, { nama: 'Hasna', opd: 'dinkes', waktu: { sore: { opens: '14:45' } } });
    expect(c).toEqual([
      { field: 'opd', before: 'setda', after: 'dinkes' },
      { field: 'waktu.sore.opens', before: '15:45', after: '14:45' },
    ]);
  });

  it('lists a new record without an empty "before", and counts long NIP lists', () => {
    const nip = Array.from({ length: 40 }, (_, i) => String(i));
    const c = changes(undefined, { jumlah: 40, nip, aktif: true, batal: {} });
    expect(c.map((x) => x.field)).toEqual(['jumlah', 'nip', 'aktif', 'batal']);
    expect(c.every((x) => x.before === undefined)).toBe(true);
    expect(c[1]!.after).toMatch(/^40 item: 0, 1, 2/);
    expect(c[2]!.after).toBe('ya');
    expect(c[3]!.after).toBe('(kosong)');
  });

  it('shows instants in the regency zone, not as UTC ISO strings', () => {
    const [c] = changes({ closesAt: '2026-11-30T00:00:00.000Z' }, { closesAt: '2026-11-30T00:15:00.000Z' }, 'Asia/Makassar');
    expect(c).toEqual({ field: 'closesAt', before: '30 Nov 2026, 08.00.00', after: '30 Nov 2026, 08.15.00' });
  });
});

describe("a date's calendar settings form", () => {
  const defaults = { pagi: { opens: '07:00', onTimeUntil: '07:30', closes: '08:00' }, sore: { opens: '15:45', onTimeUntil: '16:00', closes: '16:30' } };

  it('sends only what is switched on, and no changed time for a cancelled apel', () => {
    // Prepare
    const d = draftOf('2026-12-07', defaults);
    d.batal.pagi = { on: true, alasan: ' Upacara HUT ' };
    d.waktu.pagi = { on: true, times: { opens: '06:30', onTimeUntil: '07:00', closes: '07:30' } };
    d.waktu.sore = { on: true, times: { opens: '14:45', onTimeUntil: '15:00', closes: '15:30' } };
    // Act & Assert
    expect(inputOf(d)).toEqual({ batal: { pagi: 'Upacara HUT' }, waktu: { sore: { opens: '14:45', onTimeUntil: '15:00', closes: '15:30' } } });
    expect(inputOf(draftOf('2026-12-07', defaults))).toEqual({});
  });

  it('reopens a saved date as it was, and describes it in words', () => {
    const saved = { date: '2026-12-03', tambahan: { keterangan: 'Apel HUT Kabupaten' }, batal: {}, waktu: { sore: { opens: '14:45', onTimeUntil: '15:00', closes: '15:30' } } };
    const d = draftOf(saved.date, defaults, saved);
    expect(d.tambahan).toBe(true);
    expect(d.waktu.sore.on).toBe(true);
    expect(d.waktu.pagi).toEqual({ on: false, times: defaults.pagi });
    expect(describeDay(saved)).toEqual(['Hari apel tambahan: Apel HUT Kabupaten', 'Apel sore 14.45–15.30, tepat waktu s.d. 15.00']);
  });
});

describe('small helpers of the console', () => {
  it('maps tabs to paths and back; an unknown path opens the overview', () => {
    expect(pathOf('ringkasan')).toBe('/admin');
    expect(pathOf('tautan', '?nip=1')).toBe('/admin/tautan?nip=1');
    expect(tabOf('/admin/roster')).toBe('roster');
    expect(tabOf('/admin/')).toBe('ringkasan');
    expect(tabOf('/admin/tidak-ada')).toBe('ringkasan');
  });

  it('builds query strings from the set values only', () => {
    expect(query({ opd: 'setda', q: '', aktif: undefined })).toBe('?opd=setda');
    expect(query({})).toBe('');
  });

  it('counts late arrivals as present in the attendance share', () => {
    const c = { expected: 8, hadir: 5, terlambat: 1, belumHadir: 0, tidakHadir: 2, dibebaskan: 0, izin: 0, sakit: 0, cuti: 0, dinas_luar: 0, tugas_belajar: 0 };
    expect(persen(c)).toBe(75);
    expect(persen({ ...c, expected: 0 })).toBe(0);
  });

  it('writes phone numbers as people read them', () => {
    expect(formatHp('6281234567890')).toBe('+62 812-3456-7890');
    expect(formatHp('')).toBe('—');
  });
});

describe("the console's calls, through the one transport", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('sends a change once, and says a lost answer may still have been saved', async () => {
    // Prepare
    let calls = 0;
    vi.stubGlobal('fetch', async () => {
      calls++;
      throw new TypeError('Failed to fetch');
    });
    // Act
    const sent = change('tok', 'POST', '/opd', { kode: 'dishub' });
    // Assert
    await expect(sent).rejects.toMatchObject({ status: 0, code: 'JARINGAN', message: expect.stringContaining('belum pasti perubahan ini tersimpan') });
    expect(calls).toBe(1);
  });

  it('retries a read the gateway gave up on, four attempts in all', async () => {
    vi.useFakeTimers();
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      return new Response('Service Unavailable', { status: 503 });
    });
    const read = get('tok', '/opd');
    const settled = expect(read).rejects.toMatchObject({ status: 503, code: 'TIDAK_DIKENAL' });
    await vi.runAllTimersAsync();
    await settled;
    expect(urls).toEqual(Array(4).fill('/api/admin/opd'));
  });

  it("names a gateway's 413 (file too large) instead of a server fault", async () => {
    vi.stubGlobal('fetch', async () => new Response('Request Entity Too Large', { status: 413 }));
    await expect(change('tok', 'POST', '/roster/pratinjau', { csv: 'x' })).rejects.toMatchObject({
      status: 413,
      message: 'Berkas terlalu besar untuk dikirim (413). Coba lagi sebentar lagi.',
    });
  });
});
