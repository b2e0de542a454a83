import { Fn } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export interface CheckinApiProps {
  /** POST /api/checkins — the hot path, its own lean function. */
  readonly checkin: IFunction;
  /** GET /api/me */
  readonly me: IFunction;
  /** GET /api/schedule */
  readonly schedule: IFunction;
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

    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      // A regency has at most ~5,000 ASN; even if all check in within the same minute
      // that is under 100 requests/s. 500/s steady with bursts of 1,000 leaves ample
      // headroom for the 07:30 spike, yet stops a runaway client or a flood from eating
      // the account's Lambda concurrency (1,000 by default) and DynamoDB budget.
      // Throttled callers get 429 and the web app retries.
      throttle: { rateLimit: 500, burstLimit: 1000 },
    });

    const routes: ReadonlyArray<[HttpMethod, string, IFunction, string]> = [
      [HttpMethod.POST, '/api/checkins', props.checkin, 'Checkin'],
      [HttpMethod.GET, '/api/me', props.me, 'Me'],
      [HttpMethod.GET, '/api/schedule', props.schedule, 'Schedule'],
    ];
    for (const [method, path, handler, name] of routes) {
      this.api.addRoutes({
        path,
        methods: [method],
        integration: new HttpLambdaIntegration(`${name}Integration`, handler),
      });
    }

    // apiEndpoint is `https://<host>`; CloudFront's HttpOrigin wants the bare host.
    this.domainName = Fn.select(2, Fn.split('/', this.api.apiEndpoint));
  }
}
