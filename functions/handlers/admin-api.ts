import { dispatch } from '../http/dispatch';
import { requireTables } from '../store/tables';
import { routes } from './admin/routes';

/** /api/admin/* — the HR admin's console: roster, OPDs, calendar, disruptions, links, overview, audit. */

requireTables('roster', 'links', 'calendar', 'sessions', 'checkins', 'records', 'audit');

export const handler = dispatch('admin', routes);
