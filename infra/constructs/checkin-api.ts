import { Fn } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { type CfnStage, HttpApi, HttpMethod, type HttpRoute, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { ApiFunction, RouteKey } from '../../functions/http/routes';
import { ROUTES } from '../../functions/http/routes';
import { acknowledge } from '../nag';

/** The HTTP API access log line ($context variables of API Gateway HTTP APIs). */
export const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLatencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  responseLength: '$context.responseLength',
} as const;

/**
 * Each route's own token bucket (requests/s steady, burst), by the function that serves it,
 * so a flood on one route cannot take the capacity another needs: the check-in keeps the
 * stage's 500/s (bursts of 1,000) for the 07:30 spike; the ASN's page and schedule, opened
 * once per apel by everyone, half of it; the heads' pages (~40 heads polling every 15 s,
 * ~3 req/s) and the admin console (one person clicking) far less, per route. The limits
 * also bound the Lambda concurrency a flood on the slow admin routes could take from the
 * check-in. A throttled request gets 429 and the page retries.
 */
export const ROUTE_THROTTLE: Record<ApiFunction, { rateLimit: number; burstLimit: number }> = {
  checkin: { rateLimit: 500, burstLimit: 1000 },
  me: { rateLimit: 250, burstLimit: 500 },
  schedule: { rateLimit: 250, burstLimit: 500 },
  opd: { rateLimit: 25, burstLimit: 50 },
  admin: { rateLimit: 10, burstLimit: 20 },
  // The public survey (QR posters): the regency's offices together; each OPD is also bounded per minute (core/survey.ts).
  survei: { rateLimit: 20, burstLimit: 40 },
  // Reminders on or off: a tap per ASN and device now and then.
  reminders: { rateLimit: 25, burstLimit: 50 },
  // Registering a passkey: once per ASN and phone.
  passkey: { rateLimit: 25, burstLimit: 50 },
};

export interface CheckinApiProps {
  /** The function behind each group of routes of functions/http/routes.ts. */
  readonly functions: Readonly<Record<ApiFunction, IFunction>>;
}

/**
 * The HTTP API behind CloudFront's `/api/*`. Routes keep the `/api` prefix because
 * CloudFront forwards the path unchanged. No CORS: browsers only ever see the
 * CloudFront origin. Authorisation is done in the handlers (bearer link token).
 */
export class CheckinApi extends Construct {
  readonly api: HttpApi;
  /** Host name of the API (`<id>.execute-api.<region>.amazonaws.com`), for CloudFront's origin. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: CheckinApiProps) {
    super(scope, id);

    this.api = new HttpApi(this, 'HttpApi', {
      description: 'Apel WFA check-in API (reached through CloudFront /api/*)',
      // The default stage is created below, because only there can throttling be set.
      createDefaultStage: false,
    });

    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      // A regency has at most ~5,000 ASN; even if all check in within the same minute
      // that is under 100 requests/s. 500/s steady with bursts of 1,000 leaves ample
      // headroom for the 07:30 spike, yet stops a runaway client or a flood from eating
      // the account's Lambda concurrency (1,000 by default) and DynamoDB budget.
      // Throttled callers get 429 and the web app retries. Both stay under the account's
      // regional API Gateway quota, which in Jakarta (ap-southeast-3) defaults to only
      // 2,500 req/s with a burst of 1,250, shared by every stage and API of the account
      // (README "Throttling": how to size and raise it).
      throttle: { rateLimit: 500, burstLimit: 1000 },
      // One JSON line per request: ids, route, status, timing. No IP address, user agent
      // or header (the Authorization header carries the link token).
      accessLogSettings: {
        destination: new LogGroupLogDestination(new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS })),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    // Authorisation is in the handlers (functions/http/auth.ts): every route needs a
    // bearer link token, checked against its hash with a strongly consistent read.
    acknowledge(this.api, 'AwsSolutions-APIG4',
      'Every route authenticates in its handler with the bearer link token (hash looked up in DynamoDB, then role ' +
        'and scope checks); an API Gateway Lambda authorizer would add an invocation and a second lookup per request.');

    // One integration per function, shared by its routes (one invoke permission each).
    const integrations = new Map<ApiFunction, HttpLambdaIntegration>();
    const routes: HttpRoute[] = [];
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const routeKey of Object.keys(ROUTES) as RouteKey[]) {
      const fn = ROUTES[routeKey].fn;
      const [method, path] = routeKey.split(' ') as [keyof typeof HttpMethod, string];
      let integration = integrations.get(fn);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${pascal(fn)}Integration`, props.functions[fn]);
        integrations.set(fn, integration);
      }
      routes.push(...this.api.addRoutes({ path, methods: [HttpMethod[method]], integration }));
      const { rateLimit, burstLimit } = ROUTE_THROTTLE[fn];
      routeSettings[routeKey] = { ThrottlingRateLimit: rateLimit, ThrottlingBurstLimit: burstLimit };
    }
    // Per-route throttling (CDK's HttpStage sets only the stage default). A route's settings
    // need the route to exist, so the stage is deployed after the routes.
    const cfnStage = stage.node.defaultChild as CfnStage;
    cfnStage.routeSettings = routeSettings;
    for (const route of routes) cfnStage.node.addDependency(route);

    // apiEndpoint is `https://<host>`; CloudFront's HttpOrigin wants the bare host.
    this.domainName = Fn.select(2, Fn.split('/', this.api.apiEndpoint));
  }
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
