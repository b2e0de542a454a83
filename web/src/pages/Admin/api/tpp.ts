import type { ResponseOf } from '../../../../../contract';
import { send } from '../../../lib/api';
import { filenameOf } from '../../../lib/download';
import { query } from '../../../lib/query';
import { get } from './client';

export const getTppRegency = (token: string, bulan: string) => get<ResponseOf<'GET /api/admin/tpp'>>(token, `/tpp${query({ bulan })}`);

/** The regency's TPP month as the server's CSV: per ASN (`asn`) or one row per OPD (`opd`). */
export async function getTppRegencyCsv(token: string, bulan: string, isi: 'asn' | 'opd'): Promise<{ blob: Blob; filename: string }> {
  const read = async (res: Response) => ({ blob: await res.blob(), filename: filenameOf(res.headers.get('Content-Disposition')) ?? `rekap-tpp-${bulan}.csv` });
  return (await send('GET', `/admin/tpp.csv${query({ bulan, isi })}`, token, undefined, read, { attempts: 3, timeoutMs: 30_000, headers: { Accept: 'text/csv' } })).body;
}
