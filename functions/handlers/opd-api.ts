import { dispatch } from '../http/dispatch';
import { requireTables } from '../store/tables';

/** /api/opd/* — an OPD head's pages (and the admin's view of any OPD). Routes are filled in below as they land. */

requireTables('roster', 'links', 'calendar', 'sessions', 'checkins', 'records', 'audit');

export const handler = dispatch('opd', {});
