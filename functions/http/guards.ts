import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { InvalidInput, TooLarge } from '../core/errors';
import { originCheck } from './origin';
import { checkRequestValues, PATH_FORMATS, pathParamNames } from './params';
import { ROUTE_KEYS } from './routes';

type Event = APIGatewayProxyEventV2;
type Middleware = middy.MiddlewareObj<Event, APIGatewayProxyStructuredResultV2, Error, Context>;

/**
 * What the API refuses before it looks at who is calling: a request that did not come
 * through CloudFront (403, http/origin.ts), then a path or query value of the wrong form
 * (400, http/params.ts). Neither reads a store.
 */

// Every `{param}` of the route table has a form: a new route cannot skip the check.
for (const route of ROUTE_KEYS) {
  for (const name of pathParamNames(route)) {
    if (!PATH_FORMATS[name]) throw new Error(`${route}: path parameter {${name}} has no format in http/params.ts`);
  }
}

const checkOrigin = originCheck();

export function requestGuards(): Middleware {
  return {
    before: (request) => {
      checkOrigin(request.event);
      checkRequestValues(request.event);
    },
  };
}

/** The size of the body as it arrived, in bytes (what a limit in KB means), not in UTF-16 characters. */
export function bodyBytes(event: Event): number {
  const raw = event.body ?? '';
  return event.isBase64Encoded ? Buffer.from(raw, 'base64').length : Buffer.byteLength(raw, 'utf8');
}

export function refuseLargeBody(event: Event, maxBytes: number): void {
  if (bodyBytes(event) > maxBytes) {
    throw new TooLarge('ISI_TERLALU_BESAR', `Isi permintaan terlalu besar (paling banyak ${Math.floor(maxBytes / 1024)} KB).`);
  }
}

/** A route that takes no body refuses one, instead of reading up to Lambda's 6 MB and ignoring it. */
export function refuseAnyBody(event: Event): void {
  if (bodyBytes(event) > 0) throw new InvalidInput('ISI_TIDAK_DITERIMA', 'Permintaan ini tidak menerima isi (body); kirim tanpa isi.');
}
