import { dispatch } from '../http/dispatch';
import { requireFunctionTables } from '../manifest';
import { deviceRoutes } from './opd/device-routes';
import { reminderRoutes } from './opd/reminder-routes';
import { routes } from './opd/routes';

/** /api/opd/* — an OPD head's pages (and the admin's view of any OPD). */

requireFunctionTables('opd');

export const handler = dispatch('opd', [...routes, ...deviceRoutes, ...reminderRoutes]);
