import type { AsnInput, AsnPatch, AsnQuery, BodyOf, ImportMapping, ResponseOf } from '../../../../../contract';
import { query } from '../../../lib/query';
import { change, enc, get } from './client';

type Saved = ResponseOf<'POST /api/admin/asn'>;

export const previewRoster = (token: string, csv: string, pemetaan: ImportMapping = {}) => {
  const body: BodyOf<'POST /api/admin/roster/pratinjau'> = { csv, pemetaan };
  return change<ResponseOf<'POST /api/admin/roster/pratinjau'>>(token, 'POST', '/roster/pratinjau', body);
};

export const importRoster = (token: string, csv: string, nonaktifkan: string[], pemetaan: ImportMapping = {}) => {
  const body: BodyOf<'POST /api/admin/roster/impor'> = { csv, nonaktifkan, pemetaan };
  return change<ResponseOf<'POST /api/admin/roster/impor'>>(token, 'POST', '/roster/impor', body);
};

export const listAsn = (token: string, f: AsnQuery) => get<ResponseOf<'GET /api/admin/asn'>>(token, `/asn${query({ ...f })}`).then((r) => r.asn);

export const addAsn = (token: string, asn: AsnInput) => change<Saved>(token, 'POST', '/asn', asn).then((r) => r.asn);

export const patchAsn = (token: string, nip: string, patch: AsnPatch) => change<Saved>(token, 'PATCH', `/asn/${enc(nip)}`, patch).then((r) => r.asn);
