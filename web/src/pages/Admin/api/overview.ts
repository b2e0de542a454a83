import type { Ringkasan } from './types';
import { getIfChanged, query } from './client';

/** The overview of a date (today without one); `body` is undefined when unchanged since `etag`. */
export const getRingkasan = (token: string, tanggal: string | undefined, etag: string | undefined) =>
  getIfChanged<Ringkasan>(token, `/ringkasan${query({ tanggal })}`, etag);
