import { dispatch } from '../http/dispatch';
import { requireTables } from '../store/tables';
import * as r from './admin/routes';

/** /api/admin/* — the HR admin's console: roster, OPDs, calendar, disruptions, links, overview, audit. */

requireTables('roster', 'links', 'calendar', 'sessions', 'checkins', 'records', 'audit');

export const handler = dispatch('admin', {
  'GET /api/admin/ringkasan': r.overview,
  'GET /api/admin/audit': r.audit,
  'POST /api/admin/roster/pratinjau': r.importPreview,
  'POST /api/admin/roster/impor': r.importCommit,
  'GET /api/admin/asn': r.listAsn,
  'POST /api/admin/asn': r.addAsnRoute,
  'GET /api/admin/asn/{nip}': r.getAsn,
  'PATCH /api/admin/asn/{nip}': r.patchAsnRoute,
  'GET /api/admin/opd': r.listOpd,
  'POST /api/admin/opd': r.addOpdRoute,
  'PATCH /api/admin/opd/{kode}': r.renameOpdRoute,
  'PUT /api/admin/opd/{kode}/wfa': r.opdWfa,
  'GET /api/admin/kalender': r.calendar,
  'PUT /api/admin/kalender/libur/{tanggal}': r.putHolidayRoute,
  'DELETE /api/admin/kalender/libur/{tanggal}': r.deleteHolidayRoute,
  'POST /api/admin/kalender/libur/impor': r.importHolidays,
  'PUT /api/admin/kalender/hari/{tanggal}': r.putSpecialDay,
  'DELETE /api/admin/kalender/hari/{tanggal}': r.deleteSpecialDay,
  'POST /api/admin/sesi/{sesiId}/gangguan': r.disruption,
  'POST /api/admin/tautan': r.links,
});
