import type { ResponseOf } from '../../../../../contract';
import { query } from '../../../lib/query';
import { getIfChanged } from './client';

/** The overview of a date (today without one); `body` is undefined when unchanged since `etag`. */
export const getOverview = (token: string, tanggal: string | undefined, etag: string | undefined) =>
  getIfChanged<ResponseOf<'GET /api/admin/ringkasan'>>(token, `/ringkasan${query({ tanggal })}`, etag);
