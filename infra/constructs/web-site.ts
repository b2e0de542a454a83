import { DefaultStackSynthesizer, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge, arnRef } from '../nag';
import { SPA_FALLBACK_CODE } from '../spa-fallback';
import { HSTS_MAX_AGE_SECONDS, SECURITY_HEADERS } from '../../functions/http/security-headers';
import { ORIGIN_HEADER } from '../../functions/http/origin';
import { PRECOMPRESSED_GLOBS } from '../../functions/local/compression';

export interface WebSiteProps {
  /** The Vite build output (web/dist), checked to exist by the app. */
  readonly siteDir: string;
  /** Host name of the HTTP API that serves `/api/*`. */
  readonly apiDomainName: string;
  /** The secret CloudFront sends to the API in ORIGIN_HEADER (constructs/origin-secret.ts), so the API answers only CloudFront. */
  readonly originSecret: string;
  /** `operations.waf` on: the ARN of the AWS WAF web ACL in front of the distribution (infra/edge-stack.ts). */
  readonly webAclArn?: string | undefined;
}

/**
 * What the phone talks to: one CloudFront distribution serving the static site from a
 * private bucket and routing `/api/*` to the HTTP API, so site and API share an origin
 * and need no CORS.
 */
export class WebSite extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: WebSiteProps) {
    super(scope, id);

    this.bucket = new Bucket(this, 'SiteBucket', {
      // Only CloudFront reads it (origin access control); nothing is public.
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // The bucket holds only build output that `cdk deploy` recreates, but it is never
      // empty, so DESTROY would make `cdk destroy` fail on it unless objects were
      // auto-deleted by yet another custom-resource Lambda. RETAIN lets a stack delete
      // finish cleanly and leaves a few hundred KB behind, which can be removed by hand.
      removalPolicy: RemovalPolicy.RETAIN,
      autoDeleteObjects: false,
    });

    // The headers of functions/http/security-headers.ts, which the local server sends too.
    // A test checks that each one below renders to the same header value.
    const securityHeadersBehavior = {
      contentSecurityPolicy: { contentSecurityPolicy: SECURITY_HEADERS['content-security-policy'], override: true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS),
        includeSubdomains: true,
        override: true,
      },
      contentTypeOptions: { override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
    };
    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Apel WFA: strict CSP, HSTS, nosniff, no referrer, no framing',
      securityHeadersBehavior,
    });

    const pages = new CloudFrontFunction(this, 'SpaFallback', {
      comment: 'Apel WFA: serve index.html for page paths such as /pimpinan and /admin/roster',
      code: FunctionCode.fromInline(SPA_FALLBACK_CODE),
      runtime: FunctionRuntime.JS_2_0,
    });

    // The service worker (web/src/sw.ts) must reach phones as soon as a deploy changes it: never cached, here or
    // in the browser (Cache-Control: no-cache; the browser also checks it itself at least once a day).
    const serviceWorkerHeaders = new ResponseHeadersPolicy(this, 'ServiceWorkerHeaders', {
      comment: 'Apel WFA: the security headers, and no-cache for /sw.js',
      securityHeadersBehavior,
      customHeadersBehavior: { customHeaders: [{ header: 'Cache-Control', value: 'no-cache', override: true }] },
    });
    const siteOrigin = S3BucketOrigin.withOriginAccessControl(this.bucket);

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Apel WFA: site and /api',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: siteOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        compress: true,
        functionAssociations: [{ function: pages, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/sw.js': {
          origin: siteOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          responseHeadersPolicy: serviceWorkerHeaders,
          compress: true,
        },
        '/api/*': {
          // CloudFront replaces a header of the same name a viewer sends, so only it can present the secret.
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            customHeaders: { [ORIGIN_HEADER]: props.originSecret },
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Every answer is personal and depends on the server clock: never cache.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Forwards every viewer header but Host (API Gateway rejects a foreign Host).
          // With caching disabled, CloudFront allows the AllViewer* managed policies to
          // forward Authorization too (a custom origin request policy may not list it),
          // which is how the bearer link token reaches the API.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          // HSTS and nosniff matter on JSON answers too.
          responseHeadersPolicy: securityHeaders,
        },
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // PriceClass_200 includes edge locations in Indonesia and the rest of Asia,
      // where every user is, without paying for South America and Oceania.
      priceClass: PriceClass.PRICE_CLASS_200,
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    });

    new BucketDeployment(this, 'DeploySite', {
      // Without the build's .br/.gz copies (for the local server): CloudFront compresses by itself.
      sources: [Source.asset(props.siteDir, { exclude: PRECOMPRESSED_GLOBS })],
      destinationBucket: this.bucket,
      // Remove files of earlier builds, and invalidate so phones get the new index.html
      // at once (the hashed assets it points to never change).
      prune: true,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      // The deployment helper's own logs are only useful right after a deploy.
      logGroup: new LogGroup(this, 'DeploySiteLogs', { retention: RetentionDays.ONE_MONTH }),
    });

    this.acknowledgeNagFindings(props.webAclArn !== undefined);
  }

  private acknowledgeNagFindings(waf: boolean): void {
    acknowledge(this.bucket, 'AwsSolutions-S1',
      'Only CloudFront reads this bucket (origin access control) and it holds nothing but the public build of the site; ' +
        'server access logs would only repeat CloudFront requests and cost storage.');
    const noLogs =
      'Standard logs would record the IP address and browser of every ASN who opens the site, personal data the regency ' +
      'does not need; API requests are logged by the HTTP API access log (without IP addresses) and metrics.';
    acknowledge(this.distribution, 'AwsSolutions-CFR3', noLogs);
    acknowledge(this.distribution, 'AwsSolutions-CFR1',
      'No geo restriction on purpose: Work From Anywhere means ASN may check in from abroad (dinas luar, leave).');
    if (!waf) acknowledge(this.distribution, 'AwsSolutions-CFR2',
      'No AWS WAF (operations.waf is off): a web ACL costs more per month than the whole stack. Every API call needs a 256-bit ' +
        'link token, and the HTTP API stage throttling caps what a flood can cost.');
    acknowledge(this.distribution, 'AwsSolutions-CFR4',
      'The distribution uses the default *.cloudfront.net certificate, for which CloudFront fixes the security policy. ' +
        'With a custom domain, set a certificate and minimumProtocolVersion TLSv1.2_2021 (docs/operations.md).');

    // The site-upload helper is CDK's BucketDeployment: one singleton function per
    // stack, run only during `cdk deploy`, with permissions CDK itself scopes to the
    // CDK asset bucket and this site bucket.
    const stack = Stack.of(this);
    const handler = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    const owner = 'CDK-owned BucketDeployment helper that copies the site into its bucket during cdk deploy';
    if (!handler) throw new Error('BucketDeployment helper function not found; cdk-nag findings cannot be acknowledged');
    {
      const target = handler;
      acknowledge(target, 'AwsSolutions-L1',
        `${owner}: CDK chooses and updates its runtime with aws-cdk-lib.`);
      acknowledge(target, 'AwsSolutions-IAM4',
        `${owner}: AWSLambdaBasicExecutionRole only lets it write its own logs.`,
        ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']);
      acknowledge(target, 'AwsSolutions-IAM5',
        `${owner}: it reads the CDK asset bucket and syncs the whole site bucket (object wildcards), and invalidates ` +
          'the distribution (CloudFront invalidation actions take no resource ARN).',
        [
          'Action::s3:GetBucket*',
          'Action::s3:GetObject*',
          'Action::s3:List*',
          'Action::s3:Abort*',
          'Action::s3:DeleteObject*',
          `Resource::arn:<AWS::Partition>:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-<AWS::AccountId>-<AWS::Region>/*`,
          `Resource::${arnRef(this.bucket.node.defaultChild as CfnBucket)}/*`,
          'Resource::*',
        ]);
    }
  }
}
