/**
 * The heads' API (docs/api.md, "For heads: /api/opd/..."; shapes in contract/opd.ts): the
 * calls the pimpinan page makes. Only this lazily loaded page imports it, so an ASN's phone
 * never downloads it.
 */
import type { BodyOf, ExcuseInput, MeetingLinks, ResponseOf } from '../../../../contract';
import { ApiError, request, send } from '../../lib/api';
import { filenameOf } from '../../lib/download';
import { query } from '../../lib/query';

/** The excuse kinds, in the order the form offers them. */
export const EXCUSE_KINDS = ['izin', 'sakit', 'cuti', 'dinas_luar', 'tugas_belajar'] as const satisfies readonly ExcuseInput['jenis'][];

type Roll = ResponseOf<'GET /api/opd/{opd}/apel'>;

const base = (opd: string) => `/opd/${encodeURIComponent(opd)}`;

export async function listOpds(token: string) {
  return (await request<ResponseOf<'GET /api/opd'>>('GET', '/opd', token)).body.opd;
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
  const { body, sentAt, receivedAt } = await send(
    'GET',
    `${base(opd)}/apel${query({ sesi })}`,
    token,
    undefined,
    async (res) => (res.status === 304 ? null : { roll: (await res.json()) as Roll, etag: res.headers.get('ETag') ?? undefined }),
    { attempts: 2, ...(etag ? { headers: { 'If-None-Match': etag } } : {}) },
  );
  return body && { ...body, clockOffset: Date.parse(body.roll.now) - (sentAt + receivedAt) / 2 };
}

export async function markUniform(token: string, opd: string, sesiId: string, nip: string, patuh: boolean, catatan = '') {
  const path = `${base(opd)}/seragam/${encodeURIComponent(sesiId)}/${encodeURIComponent(nip)}`;
  const body: BodyOf<'PUT /api/opd/{opd}/seragam/{sesiId}/{nip}'> = patuh ? { patuh } : { patuh, catatan };
  return (await request<ResponseOf<'PUT /api/opd/{opd}/seragam/{sesiId}/{nip}'>>('PUT', path, token, body)).body;
}

export async function listExcuses(token: string, opd: string, dari: string, sampai: string) {
  return (await request<ResponseOf<'GET /api/opd/{opd}/izin'>>('GET', `${base(opd)}/izin${query({ dari, sampai })}`, token)).body.izin;
}

/** Not retried on a lost answer: a second POST would record a second excuse. */
export async function recordExcuse(token: string, opd: string, input: ExcuseInput) {
  return (await request<ResponseOf<'POST /api/opd/{opd}/izin'>>('POST', `${base(opd)}/izin`, token, input, { attempts: 1 })).body.izin;
}

/** Not retried: a retry after a lost answer would find it already withdrawn (409). */
export async function withdrawExcuse(token: string, opd: string, id: string) {
  const path = `${base(opd)}/izin/${encodeURIComponent(id)}`;
  return (await request<ResponseOf<'DELETE /api/opd/{opd}/izin/{izinId}'>>('DELETE', path, token, undefined, { attempts: 1 })).body.izin;
}

export async function listReadinessChecks(token: string, opd: string) {
  return (await request<ResponseOf<'GET /api/opd/{opd}/kesiapan'>>('GET', `${base(opd)}/kesiapan`, token)).body;
}

/** Not retried: the server allows one running check per OPD, so a retry would answer 409. */
export async function startReadinessCheck(token: string, opd: string, menit: number, pesan: string) {
  const body: BodyOf<'POST /api/opd/{opd}/kesiapan'> = { menit, pesan };
  return (await request<ResponseOf<'POST /api/opd/{opd}/kesiapan'>>('POST', `${base(opd)}/kesiapan`, token, body, { attempts: 1 })).body.cek;
}

/** The OPD's own links (null: none set) and the regency's defaults they override. */
export async function getMeetingLinks(token: string, opd: string) {
  return (await request<ResponseOf<'GET /api/opd/{opd}/tautan-apel'>>('GET', `${base(opd)}/tautan-apel`, token)).body;
}

export async function putMeetingLinks(token: string, opd: string, links: MeetingLinks) {
  return (await request<ResponseOf<'PUT /api/opd/{opd}/tautan-apel'>>('PUT', `${base(opd)}/tautan-apel`, token, links)).body.tautanApel;
}

export async function getRecaps(token: string, opd: string, dari: string, sampai: string) {
  return (await request<ResponseOf<'GET /api/opd/{opd}/rekap'>>('GET', `${base(opd)}/rekap${query({ dari, sampai })}`, token)).body;
}

/** The recaps as the server's CSV file, fetched with the bearer header (a plain link could not send it). */
export async function getRecapsCsv(token: string, opd: string, dari: string, sampai: string): Promise<{ blob: Blob; filename: string }> {
  const path = `${base(opd)}/rekap.csv${query({ dari, sampai })}`;
  const read = async (res: Response) => ({
    blob: await res.blob(),
    filename: filenameOf(res.headers.get('Content-Disposition')) ?? `rekap-${opd}-${dari}-${sampai}.csv`,
  });
  return (await send('GET', path, token, undefined, read, { headers: { Accept: 'text/csv' } })).body;
}

export const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : 'Terjadi kesalahan. Coba lagi.');

export async function getSurveyReport(token: string, opd: string, dari: string, sampai: string) {
  return (await request<ResponseOf<'GET /api/opd/{opd}/survei'>>('GET', `${base(opd)}/survei${query({ dari, sampai })}`, token)).body;
}

export async function getTppMonth(token: string, opd: string, bulan: string) {
  return (await request<ResponseOf<'GET /api/opd/{opd}/tpp'>>('GET', `${base(opd)}/tpp${query({ bulan })}`, token)).body;
}

/** The TPP month as the server's CSV file (per ASN, NIP as text), fetched with the bearer header. */
export async function getTppCsv(token: string, opd: string, bulan: string): Promise<{ blob: Blob; filename: string }> {
  const read = async (res: Response) => ({ blob: await res.blob(), filename: filenameOf(res.headers.get('Content-Disposition')) ?? `rekap-tpp-${opd}-${bulan}.csv` });
  return (await send('GET', `${base(opd)}/tpp.csv${query({ bulan })}`, token, undefined, read, { headers: { Accept: 'text/csv' } })).body;
}

/** "Kirim pengingat" (issue 12): once per apel; not retried (a lost answer is seen as 409 on the next tap). */
export async function sendNudge(token: string, opd: string, sesiId: string) {
  const path = `${base(opd)}/apel/${encodeURIComponent(sesiId)}/pengingat`;
  return (await request<ResponseOf<'POST /api/opd/{opd}/apel/{sesiId}/pengingat'>>('POST', path, token, undefined, { attempts: 1 })).body;
}
