import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { ApiFunction } from '../http/routes';
import { matchRoute, ROUTES } from '../http/routes';
import { SECURITY_HEADERS } from '../http/security-headers';
import { compressedBody, isCompressible, isPrecompressed, negotiate } from './compression';

/**
 * The local stand-in for CloudFront + API Gateway: one port that serves the built
 * site and routes `/api/*` to the same Lambda handlers, converted to and from the
 * API Gateway v2 event format they expect on AWS.
 */

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
/** How to load each API function's handler (as Lambda would, on first use). */
export type Routes = Partial<Record<ApiFunction, () => Promise<Handler>>>;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** As Lambda's request payload limit: the admin uploads roster CSVs of several MB. */
const MAX_BODY = 6 * 1024 * 1024;

export function startServer(options: { port: number; host?: string; webDir: string; routes: Routes }) {
  const webDir = resolve(options.webDir);
  let requestSeq = 0;

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname.startsWith('/api/')) {
        await serveApi(req, res, url, options.routes, `local-${++requestSeq}`);
      } else {
        serveStatic(req, res, webDir, url.pathname);
      }
    } catch (e) {
      console.error(e);
      gatewayError(res, 500, 'Internal Server Error');
    }
  });

  return new Promise<{ url: string; close: () => Promise<void> }>((res, rej) => {
    server.once('error', rej);
    // Loopback by default: DynamoDB Local behind it has no access control of its own.
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      res({
        url: `http://localhost:${port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL, routes: Routes, requestId: string) {
  const method = req.method ?? 'GET';
  const route = matchRoute(method, url.pathname);
  if (!route) return gatewayError(res, 404, 'Not Found');
  const load = routes[ROUTES[route.routeKey].fn];
  if (!load) return gatewayError(res, 404, 'Not Found');
  const body = await readBody(req);
  if (body === undefined) return gatewayError(res, 413, 'Request Entity Too Large');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
  const event = apiGatewayEvent({ method, url, headers, body, requestId, sourceIp: req.socket.remoteAddress ?? '', ...route });
  const handler = await load();
  const result = await handler(event, { awsRequestId: requestId } as Context);
  res.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
  res.end(result.body ?? '');
}

/**
 * What API Gateway itself answers before any handler runs (unknown route, oversized
 * body, a crashed function), in its own body shape, so the local runtime behaves as
 * the deployed one does. Everything a handler answers uses the API's error shape.
 */
function gatewayError(res: ServerResponse, status: number, message: string): void {
  if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ message }));
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((res, rej) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => res(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', rej);
  });
}

/**
 * A file of the built site, compressed as CloudFront would (local/compression.ts); an
 * unknown path (a page such as /pimpinan) gets index.html, as the SPA fallback does.
 */
function serveStatic(req: IncomingMessage, res: ServerResponse, webDir: string, pathname: string) {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Alamat tidak valid.');
    return;
  }
  const relative = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
  let file = join(webDir, relative);
  // The build's .br/.gz copies are not files of the site (S3 does not get them either).
  if (!file.startsWith(webDir) || !existsSync(file) || statSync(file).isDirectory() || isPrecompressed(file)) file = join(webDir, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Situs belum dibangun: jalankan `npm run build` lalu muat ulang.');
    return;
  }
  const immutable = file.includes(`${join(webDir, 'assets')}`);
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (isCompressible(file, statSync(file).size)) {
    headers.vary = 'Accept-Encoding';
    const encoding = negotiate(req.headers['accept-encoding']);
    if (encoding) {
      const body = compressedBody(file, encoding);
      res.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': String(body.byteLength) });
      res.end(body);
      return;
    }
  }
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
}

/** An API Gateway HTTP API (payload v2) event, as AWS would deliver it to the handler. */
export function apiGatewayEvent(r: {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  requestId?: string;
  sourceIp?: string;
  /** The matched route (`GET /api/opd/{opd}/apel`); by default the literal path. */
  routeKey?: string;
  pathParameters?: Record<string, string>;
}): APIGatewayProxyEventV2 {
  const now = new Date();
  const routeKey = r.routeKey ?? `${r.method} ${r.url.pathname}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: r.url.pathname,
    rawQueryString: r.url.search.slice(1),
    headers: r.headers,
    queryStringParameters: r.url.search ? Object.fromEntries(r.url.searchParams) : undefined,
    ...(r.pathParameters && Object.keys(r.pathParameters).length > 0 ? { pathParameters: r.pathParameters } : {}),
    body: r.body ? r.body : undefined,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      requestId: r.requestId ?? 'local',
      routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      http: {
        method: r.method,
        path: r.url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: r.sourceIp ?? '127.0.0.1',
        userAgent: r.headers['user-agent'] ?? '',
      },
    },
  };
}
