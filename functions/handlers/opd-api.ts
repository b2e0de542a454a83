import { dispatch } from '../http/dispatch';
import { requireTables } from '../store/tables';
import { routes } from './opd/routes';

/** /api/opd/* — an OPD head's pages (and the admin's view of any OPD). */

requireTables('roster', 'links', 'calendar', 'sessions', 'checkins', 'records', 'audit');

export const handler = dispatch('opd', routes);
