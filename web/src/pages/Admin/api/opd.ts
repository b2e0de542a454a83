import type { Opd, OpdRow } from './types';
import { change, enc, get } from './client';

export const listOpd = (token: string) => get<{ opd: OpdRow[] }>(token, '/opd').then((r) => r.opd);

export const addOpd = (token: string, opd: { kode: string; nama: string; wfa: boolean }) =>
  change<{ opd: Opd }>(token, 'POST', '/opd', opd).then((r) => r.opd);

export const renameOpd = (token: string, kode: string, nama: string) =>
  change<{ opd: Opd }>(token, 'PATCH', `/opd/${enc(kode)}`, { nama }).then((r) => r.opd);

export const setOpdWfa = (token: string, kode: string, wfa: boolean, sejak: string) =>
  change<{ opd: Opd }>(token, 'PUT', `/opd/${enc(kode)}/wfa`, { wfa, sejak }).then((r) => r.opd);
