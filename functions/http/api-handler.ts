import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { BodyOf, ResponseOf } from '../../contract';
import type { Principal } from '../core/access';
import { requireAdmin, requireOpdScope } from '../core/access';
import { InvalidInput, linkInvalid } from '../core/errors';
import { serverNow } from '../runtime/clock';
import { bearerTokenHash } from './auth';
import { asClientError, errorToResponse } from './errors';
import { refuseAnyBody, refuseLargeBody, requestGuards } from './guards';
import { jsonWithEtag } from './etag';
import { json } from './response';
import type { ApiFunction, RouteKey } from './routes';
import { ROUTES } from './routes';
import { httpTelemetry } from './telemetry';

type Event = APIGatewayProxyEventV2;
type Result = APIGatewayProxyStructuredResultV2;
type Middleware = middy.MiddlewareObj<Event, Result, Error, Context>;

/**
 * What a route handler gets: the caller already resolved and authorised for the
 * route's access (ROUTES), the parsed body, and the server's clock read once.
 */
export interface ApiRequest<B, C extends Principal, S, R> {
  event: Event;
  body: B;
  /** The server's clock, read once per request: the only clock the rules trust. */
  now: Date;
  /** Who is calling, from their personal link. */
  who: C;
  /** `opd` routes: the OPD in scope (the one in the path, else the caller's own). */
  scope: S;
  /** The answer in the route's contract shape (contract/), so server and web cannot drift. */
  reply: (status: number, body: R, headers?: Record<string, string>) => Result;
  /** The same, as an ETag'd answer for a polling page: a bodiless 304 while `body` is unchanged; `volatile` (e.g. `now`) is sent but not hashed. */
  replyIfChanged: <V extends Partial<R>>(body: Omit<R, keyof V>, volatile: V) => Result;
}

/**
 * How a function learns who is calling: a use case looks the token's hash up (the HTTP
 * layer never reads a store). The check-in's reads the sesi in the same round trip.
 */
export interface CallerPorts<C extends Principal, S> {
  caller: (tokenHash: string, event: Event) => Promise<C | undefined>;
  /** For `opd` routes, after the scope check: the OPD record (a use case answers 404 for an unknown one). */
  scope?: (who: C, opd: string) => Promise<S>;
}

export interface RouteOptions<Sch> {
  /** Must accept every body the contract (contract/) allows; its output (defaults applied) is what the handler gets. */
  body?: Sch;
  /** Largest body accepted, in bytes (default 16 KB; a roster CSV needs more, up to Lambda's 6 MB). */
  maxBodyBytes?: number;
}

/** The contract's request body of a route (none: undefined). */
type BodyIn<K extends RouteKey> = [BodyOf<K>] extends [never] ? undefined : BodyOf<K>;
/** What the handler gets from a schema (no schema: no body). */
type BodyOut<Sch> = Sch extends z.ZodMiniType ? z.output<Sch> : undefined;
/** A compile error unless the schema accepts every body the contract allows (it may be looser: the rules check values). */
type AcceptsContract<K extends RouteKey, Sch> = Sch extends z.ZodMiniType
  ? [BodyIn<K>] extends [z.input<Sch>]
    ? unknown
    : { 'the schema refuses a body the contract allows': BodyIn<K> }
  : [BodyIn<K>] extends [undefined]
    ? unknown
    : { 'the contract has a body but the route no schema': BodyIn<K> };

export type RouteHandler = ((event: Event, context: Context) => Promise<Result>) & { routeKey: RouteKey };

export const MAX_BODY_BYTES = 16 * 1024;

/** The request body as text, as API Gateway delivers it (base64 for binary media types). */
export function bodyText(event: Event): string {
  const raw = event.body ?? '';
  return event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
}

/** Body → JSON → schema, each failure a 400 with an Indonesian message naming the field. */
function parseBody<B>(event: Event, schema: z.ZodMiniType<B>, maxBytes = MAX_BODY_BYTES): B {
  const text = bodyText(event);
  refuseLargeBody(event, maxBytes);
  let value: unknown;
  try {
    value = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new InvalidInput('JSON_TIDAK_VALID', 'Isi permintaan bukan JSON yang valid.');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || 'isi'}: ${i.message}`);
    throw new InvalidInput('INPUT_TIDAK_VALID', `Data tidak valid — ${fields.join('; ')}`);
  }
  return parsed.data;
}

/** Per invocation (keyed by its Lambda context): who is calling, the OPD in scope, the parsed body. */
interface Resolved<B, C, S> {
  who: C;
  scope: S;
  body: B;
}

/**
 * Authorisation as the route table says, before the body is read: no valid link is 401
 * and the wrong role or OPD 403, whatever the body holds. A route cannot forget it.
 */
function authorise<B, C extends Principal, S>(routeKey: RouteKey, ports: CallerPorts<C, S>, resolved: WeakMap<object, Resolved<B, C, S>>): Middleware {
  const { access } = ROUTES[routeKey];
  return {
    before: async (request) => {
      // A public route (the survey page from a QR poster) has no caller: nothing is read to authorise it.
      if (access === 'publik') {
        resolved.set(request.context, { who: undefined as unknown as C, scope: undefined as S, body: undefined as B });
        return;
      }
      const who = await ports.caller(bearerTokenHash(request.event), request.event);
      if (!who) throw linkInvalid();
      let scope = undefined as S;
      if (access === 'admin') requireAdmin(who);
      if (access === 'opd') {
        const opd = request.event.pathParameters?.opd ?? who.opd;
        requireOpdScope(who, opd);
        if (ports.scope) scope = await ports.scope(who, opd);
      }
      resolved.set(request.context, { who, scope, body: undefined as B });
    },
  };
}

/**
 * The API handlers of one Lambda function: middy with our logging and metrics (functions/telemetry)
 * first, the error mapper last, then the guards (came through CloudFront, path and query
 * values of the right form: http/guards.ts), authorisation (route table) and the body
 * (its size in bytes, zod; none at all for a route without a schema), so a route handler
 * only calls a use case and answers.
 */
export function apiFunction<C extends Principal, S = undefined>(fn: ApiFunction, ports: CallerPorts<C, S>) {
  return function route<K extends RouteKey, Sch extends z.ZodMiniType | undefined = undefined>(
    routeKey: K,
    options: RouteOptions<Sch & AcceptsContract<K, Sch>>,
    handle: (request: ApiRequest<BodyOut<Sch>, C, S, ResponseOf<K>>) => Promise<Result>,
  ): RouteHandler {
    type B = BodyOut<Sch>;
    if (ROUTES[routeKey].fn !== fn) throw new Error(`${routeKey} is not served by ${fn}`);
    const resolved = new WeakMap<object, Resolved<B, C, S>>();
    const handler = middy<Event, Result, Error, Context>()
      .use(httpTelemetry())
      .use({
        onError: (request) => {
          // A DynamoDB ValidationException counts as the refusal it becomes, not as a server error.
          request.error = asClientError(request.error) as Error;
          request.response = errorToResponse(request.error, request.context?.awsRequestId);
        },
      })
      .use(requestGuards())
      .use(authorise(routeKey, ports, resolved))
      .use({
        before: (request) => {
          const r = resolved.get(request.context)!;
          if (!options.body) refuseAnyBody(request.event);
          r.body = options.body ? (parseBody(request.event, options.body as z.ZodMiniType, options.maxBodyBytes) as B) : (undefined as B);
        },
      });
    // The handler sees the event and context only; what the middlewares resolved is keyed by the context.
    const wrapped = handler.handler(async (event, context) => {
      const r = resolved.get(context)!;
      return handle({
        event,
        body: r.body,
        now: serverNow(),
        who: r.who,
        scope: r.scope,
        reply: (status, body, headers) => json(status, body, headers),
        replyIfChanged: (body, volatile) => jsonWithEtag(event, body, volatile),
      });
    });
    // Callers without a Lambda context (tests, scripts) still get a fresh one per request.
    const served = (event: Event, context?: Context) => wrapped(event, context ?? ({} as Context));
    return Object.assign(served, { routeKey });
  };
}
