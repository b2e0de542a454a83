/**
 * The evaluation page's calls (contract/evaluation.ts). Only this lazily loaded page imports
 * it, so an ASN's phone never downloads it.
 */
import type { EvaluationQuery, OfficeUpload, ResponseOf } from '../../../../contract';
import { ApiError, request, send } from '../../lib/api';
import { filenameOf } from '../../lib/download';
import { query } from '../../lib/query';

export type Evaluation = ResponseOf<'GET /api/opd/evaluasi'>;

export async function getEvaluation(token: string, q: EvaluationQuery): Promise<Evaluation> {
  return (await request<Evaluation>('GET', `/opd/evaluasi${query(q)}`, token)).body;
}

/** The evaluation as the server's CSV (Excel id-ID), fetched with the bearer header. */
export async function getEvaluationCsv(token: string, q: EvaluationQuery): Promise<{ blob: Blob; filename: string }> {
  const read = async (res: Response) => ({
    blob: await res.blob(),
    filename: filenameOf(res.headers.get('Content-Disposition')) ?? 'evaluasi-wfa.csv',
  });
  return (await send('GET', `/opd/evaluasi.csv${query(q)}`, token, undefined, read, { headers: { Accept: 'text/csv' } })).body;
}

export async function previewOffice(token: string, upload: OfficeUpload) {
  return (await request<ResponseOf<'POST /api/admin/epresensi/pratinjau'>>('POST', '/admin/epresensi/pratinjau', token, upload)).body;
}

export async function importOffice(token: string, upload: OfficeUpload) {
  return (await request<ResponseOf<'POST /api/admin/epresensi/impor'>>('POST', '/admin/epresensi/impor', token, upload)).body;
}

export const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : 'Terjadi kesalahan. Coba lagi.');
