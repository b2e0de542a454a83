/**
 * The wire contract of the HTTP API (docs/api.md): the request and response shapes of every
 * route of `functions/http/routes.ts`, each declared once, organised by the page that calls
 * it. Pure types: the web imports them with `import type` (0 bytes in the bundle), the
 * server's use cases return them.
 *
 * `ApiRoutes['GET /api/me']['response']` is a route's answer; `['request']` its path
 * parameters, query and body.
 */
import type { AdminRoutes } from './admin';
import type { CheckinRoutes } from './checkin';
import type { EvaluationRoutes } from './evaluation';
import type { MeRoutes } from './me';
import type { OpdRoutes } from './opd';
import type { ReminderRoutes } from './reminders';
import type { SurveyRoutes } from './survey';
import type { TppRoutes } from './tpp';

export type * from './admin';
export type * from './checkin';
export type * from './evaluation';
export type * from './common';
export type * from './me';
export type * from './opd';
export type * from './reminders';
export type * from './survey';
export type * from './tpp';

/** Every route, by its route key (`METHOD /path/{param}`, as in functions/http/routes.ts). */
export interface ApiRoutes extends CheckinRoutes, EvaluationRoutes, MeRoutes, OpdRoutes, ReminderRoutes, AdminRoutes, SurveyRoutes, TppRoutes {}

export type ApiRouteKey = keyof ApiRoutes;

/** A route's successful answer. */
export type ResponseOf<K extends keyof ApiRoutes> = ApiRoutes[K]['response'];

/** A route's JSON body (`never` where it takes none). */
export type BodyOf<K extends keyof ApiRoutes> = ApiRoutes[K]['request'] extends { body: infer B } ? B : never;
