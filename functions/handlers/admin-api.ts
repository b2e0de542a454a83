import { dispatch } from '../http/dispatch';
import { requireFunctionTables } from '../manifest';
import { routes } from './admin/routes';

/** /api/admin/* — the HR admin's console: roster, OPDs, calendar, disruptions, links, overview, audit. */

requireFunctionTables('admin');

export const handler = dispatch('admin', routes);
