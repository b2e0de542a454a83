import type { Asn, RosterImported, RosterPreview } from './types';
import { change, enc, get, query } from './client';

export type AsnInput = Omit<Asn, 'aktif'>;
export type AsnPatch = Partial<Omit<Asn, 'nip'>>;

export const previewRoster = (token: string, csv: string) => change<RosterPreview>(token, 'POST', '/roster/pratinjau', { csv });

export const importRoster = (token: string, csv: string, nonaktifkan: string[]) =>
  change<RosterImported>(token, 'POST', '/roster/impor', { csv, nonaktifkan });

export const listAsn = (token: string, f: { opd?: string; q?: string; aktif?: 'ya' | 'tidak' | 'semua' }) =>
  get<{ asn: Asn[] }>(token, `/asn${query(f)}`).then((r) => r.asn);

export const addAsn = (token: string, asn: AsnInput) => change<{ asn: Asn }>(token, 'POST', '/asn', asn).then((r) => r.asn);

export const patchAsn = (token: string, nip: string, patch: AsnPatch) =>
  change<{ asn: Asn }>(token, 'PATCH', `/asn/${enc(nip)}`, patch).then((r) => r.asn);
