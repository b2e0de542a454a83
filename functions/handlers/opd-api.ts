import { dispatch } from '../http/dispatch';
import { requireTables } from '../store/tables';
import * as r from './opd/routes';

/** /api/opd/* — an OPD head's pages (and the admin's view of any OPD). */

requireTables('roster', 'links', 'calendar', 'sessions', 'checkins', 'records', 'audit');

export const handler = dispatch('opd', {
  'GET /api/opd': r.listOpd,
  'GET /api/opd/{opd}/apel': r.roll,
  'GET /api/opd/{opd}/izin': r.excuses,
  'POST /api/opd/{opd}/izin': r.addExcuseRoute,
  'DELETE /api/opd/{opd}/izin/{izinId}': r.withdrawExcuseRoute,
  'PUT /api/opd/{opd}/seragam/{sesiId}/{nip}': r.uniformMark,
  'GET /api/opd/{opd}/kesiapan': r.readinessChecks,
  'POST /api/opd/{opd}/kesiapan': r.startReadiness,
  'GET /api/opd/{opd}/tautan-apel': r.getMeetingLinks,
  'PUT /api/opd/{opd}/tautan-apel': r.meetingLinks,
  'GET /api/opd/{opd}/rekap': r.history,
  'GET /api/opd/{opd}/rekap.csv': r.historyCsvRoute,
});
