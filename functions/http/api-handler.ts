import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { InvalidInput } from '../core/errors';
import { errorToResponse } from './errors';
import { serverNow } from '../runtime/clock';
import { httpTelemetry } from './telemetry';

type Event = APIGatewayProxyEventV2;
type Result = APIGatewayProxyStructuredResultV2;

export interface ApiRequest<B> {
  event: Event;
  body: B;
  /** The server's clock, read once per request: the only clock the rules trust. */
  now: Date;
}

const MAX_BODY_BYTES = 16 * 1024;

export interface ApiHandlerOptions {
  /** Largest body accepted, in bytes (default 16 KB; a roster CSV needs more, up to Lambda's 6 MB). */
  maxBodyBytes?: number;
}

/** Body → JSON → schema, each failure a 400 with an Indonesian message naming the field. */
function parseBody<B>(event: Event, schema: z.ZodMiniType<B>, maxBytes = MAX_BODY_BYTES): B {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (text.length > maxBytes) throw new InvalidInput('INPUT_TIDAK_VALID', 'Isi permintaan terlalu besar.');
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

/**
 * Every HTTP handler goes through this: middy with Powertools logging and metrics
 * first and the error mapper last, so a thin handler only parses, authorises, calls
 * the core and the stores, and answers.
 */
export function apiHandler<B = undefined>(
  schema: z.ZodMiniType<B> | undefined,
  handle: (request: ApiRequest<B>) => Promise<Result>,
  options: ApiHandlerOptions = {},
) {
  return middy<Event, Result, Error, Context>()
    .use(httpTelemetry())
    .use({
      onError: (request) => {
        request.response = errorToResponse(request.error, request.context?.awsRequestId);
      },
    })
    .handler((event) =>
      handle({ event, body: schema ? parseBody(event, schema, options.maxBodyBytes) : (undefined as B), now: serverNow() }),
    );
}
