/**
 * The heads' API (docs/api.md, "For heads: /api/opd/..."): types of its answers and the
 * calls the pimpinan page makes. Only the lazily loaded pages import this module, so an
 * ASN's phone never downloads it.
 */
import type { SesiState } from './api';
import { ApiError, request, send } from './api';

export interface Opd {
  kode: string;
  nama: string;
  wfa: boolean;
}

export const JENIS_IZIN = ['izin', 'sakit', 'cuti', 'dinas_luar', 'tugas_belajar'] as const;
export type JenisIzin = (typeof JENIS_IZIN)[number];

export type RollStatus = 'hadir' | 'terlambat' | 'belum_hadir' | 'tidak_hadir' | JenisIzin | 'dibebaskan';
export type Kode = 'H' | 'TL' | 'TK' | 'I' | 'S' | 'C' | 'DL' | 'TB' | 'DB';

export interface Gangguan {
  mode: 'perpanjang' | 'bebaskan';
  keterangan: string;
}

export interface RollSesi {
  id: string;
  date: string;
  slot: 'pagi' | 'sore' | 'demo';
  label: string;
  state: SesiState;
  opensAt: string;
  onTimeUntil: string;
  closesAt: string;
  demo: boolean;
  gangguan: Gangguan | null;
}

export interface Counts {
  expected: number;
  hadir: number;
  terlambat: number;
  belumHadir: number;
  tidakHadir: number;
  izin: number;
  sakit: number;
  cuti: number;
  dinas_luar: number;
  tugas_belajar: number;
  dibebaskan: number;
}

export interface TidakPatuh {
  catatan: string;
  oleh: string;
  at: string;
}

export interface RollRow {
  nip: string;
  nama: string;
  jabatan: string;
  status: RollStatus;
  kode: Kode | null;
  checkedInAt: string | null;
  laporan: string | null;
  seragamDikonfirmasi: boolean | null;
  tidakPatuh: TidakPatuh | null;
  izin: { id: string; jenis: JenisIzin; dari: string; sampai: string; catatan: string } | null;
}

export interface Roll {
  now: string;
  timeZone: string;
  zoneLabel: string;
  opd: Opd;
  sesi: RollSesi | null;
  hariIni: { id: string; label: string; state: SesiState }[];
  seragam: string | null;
  refreshSeconds: number | null;
  counts: Counts;
  rows: RollRow[];
}

export interface Izin {
  id: string;
  nip: string;
  opd: string;
  jenis: JenisIzin;
  dari: string;
  sampai: string;
  catatan: string;
  oleh: string;
  at: string;
  ditarik: null | { oleh: string; at: string };
}

export interface Cek {
  id: string;
  opd: string;
  pesan: string;
  mulai: string;
  batas: string;
  oleh: string;
  jawaban: { nip: string; nama: string; at: string }[];
  belum: { nip: string; nama: string }[];
}

export interface TautanApel {
  pagi: string | null;
  sore: string | null;
}

export interface Rekap {
  opd: Opd;
  dari: string;
  sampai: string;
  sesi: { id: string; date: string; slot: string; label: string; gangguan: Gangguan | null; counts: Counts }[];
  asn: { nip: string; nama: string; jabatan: string; kode: Record<string, Kode>; jumlah: Partial<Record<Kode, number>> }[];
}

const base = (opd: string) => `/opd/${encodeURIComponent(opd)}`;

export async function listOpds(token: string): Promise<Opd[]> {
  return (await request<{ opd: Opd[] }>('GET', '/opd', token)).body.opd;
}

/**
 * The live roll; `null` when the server answers 304 to `etag` (nothing changed). A poll
 * tries twice at most: the next poll comes soon anyway.
 */
export async function getRoll(
  token: string,
  opd: string,
  sesi: string | undefined,
  etag: string | undefined,
): Promise<{ roll: Roll; etag: string | undefined; clockOffset: number } | null> {
  const query = sesi ? `?sesi=${encodeURIComponent(sesi)}` : '';
  const { body, sentAt, receivedAt } = await send(
    'GET',
    `${base(opd)}/apel${query}`,
    token,
    undefined,
    async (res) => (res.status === 304 ? null : { roll: (await res.json()) as Roll, etag: res.headers.get('ETag') ?? undefined }),
    { attempts: 2, ...(etag ? { headers: { 'If-None-Match': etag } } : {}) },
  );
  return body && { ...body, clockOffset: Date.parse(body.roll.now) - (sentAt + receivedAt) / 2 };
}

export async function markSeragam(token: string, opd: string, sesiId: string, nip: string, patuh: boolean, catatan = '') {
  const path = `${base(opd)}/seragam/${encodeURIComponent(sesiId)}/${encodeURIComponent(nip)}`;
  return (await request<{ tidakPatuh: TidakPatuh | null }>('PUT', path, token, patuh ? { patuh } : { patuh, catatan })).body;
}

export async function listIzin(token: string, opd: string, dari: string, sampai: string): Promise<Izin[]> {
  return (await request<{ izin: Izin[] }>('GET', `${base(opd)}/izin?dari=${dari}&sampai=${sampai}`, token)).body.izin;
}

export interface IzinInput {
  nip: string;
  jenis: JenisIzin;
  dari: string;
  sampai: string;
  catatan: string;
}

/** Not retried on a lost answer: a second POST would record a second excuse. */
export async function recordIzin(token: string, opd: string, input: IzinInput): Promise<Izin> {
  return (await request<{ izin: Izin }>('POST', `${base(opd)}/izin`, token, input, { attempts: 1 })).body.izin;
}

/** Not retried: a retry after a lost answer would find it already withdrawn (409). */
export async function withdrawIzin(token: string, opd: string, id: string): Promise<Izin> {
  return (await request<{ izin: Izin }>('DELETE', `${base(opd)}/izin/${encodeURIComponent(id)}`, token, undefined, { attempts: 1 })).body.izin;
}

export async function listCek(token: string, opd: string): Promise<Cek[]> {
  return (await request<{ cek: Cek[] }>('GET', `${base(opd)}/kesiapan`, token)).body.cek;
}

/** Not retried: the server allows one running check per OPD, so a retry would answer 409. */
export async function startCek(token: string, opd: string, menit: number, pesan: string): Promise<Cek> {
  return (await request<{ cek: Cek }>('POST', `${base(opd)}/kesiapan`, token, { menit, pesan }, { attempts: 1 })).body.cek;
}

/** The OPD's own links (null: none set) and the regency's defaults they override. */
export async function getTautanApel(token: string, opd: string): Promise<{ tautanApel: TautanApel; bawaan: TautanApel }> {
  return (await request<{ tautanApel: TautanApel; bawaan: TautanApel }>('GET', `${base(opd)}/tautan-apel`, token)).body;
}

export async function putTautanApel(token: string, opd: string, tautan: TautanApel): Promise<TautanApel> {
  return (await request<{ tautanApel: TautanApel }>('PUT', `${base(opd)}/tautan-apel`, token, tautan)).body.tautanApel;
}

export async function getRekap(token: string, opd: string, dari: string, sampai: string): Promise<Rekap> {
  return (await request<Rekap>('GET', `${base(opd)}/rekap?dari=${dari}&sampai=${sampai}`, token)).body;
}

/** The recap as the server's CSV file, fetched with the bearer header (a plain link could not send it). */
export async function getRekapCsv(token: string, opd: string, dari: string, sampai: string): Promise<{ blob: Blob; filename: string }> {
  const { body } = await send('GET', `${base(opd)}/rekap.csv?dari=${dari}&sampai=${sampai}`, token, undefined, async (res) => ({
    blob: await res.blob(),
    filename: filenameOf(res.headers.get('Content-Disposition')) ?? `rekap-${opd}-${dari}-${sampai}.csv`,
  }), { headers: { Accept: 'text/csv' } });
  return body;
}

/** The file name in a `Content-Disposition` header: `filename*=UTF-8''…` first, else `filename="…"`. */
export function filenameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(disposition);
  return plain?.[1] ?? plain?.[2] ?? undefined;
}

export const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : 'Terjadi kesalahan. Coba lagi.');
