import type { LinksInput, ResponseOf } from '../../../../../contract';
import { change } from './client';

/** Issue (replacing earlier links) or revoke the personal links of one ASN, an OPD or everyone. */
export const links = (token: string, input: LinksInput) => change<ResponseOf<'POST /api/admin/tautan'>>(token, 'POST', '/tautan', input);
