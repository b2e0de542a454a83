import type { BodyOf, OpdInput, ResponseOf } from '../../../../../contract';
import { change, enc, get } from './client';

type Saved = ResponseOf<'POST /api/admin/opd'>;

export const listOpd = (token: string) => get<ResponseOf<'GET /api/admin/opd'>>(token, '/opd').then((r) => r.opd);

export const addOpd = (token: string, opd: OpdInput) => change<Saved>(token, 'POST', '/opd', opd).then((r) => r.opd);

export const renameOpd = (token: string, kode: string, nama: string) => {
  const body: BodyOf<'PATCH /api/admin/opd/{kode}'> = { nama };
  return change<Saved>(token, 'PATCH', `/opd/${enc(kode)}`, body).then((r) => r.opd);
};

export const setOpdWfa = (token: string, kode: string, wfa: boolean, sejak: string) => {
  const body: BodyOf<'PUT /api/admin/opd/{kode}/wfa'> = { wfa, sejak };
  return change<Saved>(token, 'PUT', `/opd/${enc(kode)}/wfa`, body).then((r) => r.opd);
};
