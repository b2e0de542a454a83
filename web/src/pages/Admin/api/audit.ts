import type { AuditQuery, ResponseOf } from '../../../../../contract';
import { query } from '../../../lib/query';
import { get } from './client';

export const listAudit = (token: string, f: AuditQuery) =>
  get<ResponseOf<'GET /api/admin/audit'>>(token, `/audit${query({ ...f })}`);
