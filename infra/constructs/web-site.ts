import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';

export interface WebSiteProps {
  /** The Vite build output (web/dist), checked to exist by the app. */
  readonly siteDir: string;
  /** Host name of the HTTP API that serves `/api/*`. */
  readonly apiDomainName: string;
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

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Apel WFA: site and /api',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        compress: true,
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Every answer is personal and depends on the server clock: never cache.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Forwards every viewer header but Host (API Gateway rejects a foreign Host).
          // With caching disabled, CloudFront allows the AllViewer* managed policies to
          // forward Authorization too (a custom origin request policy may not list it),
          // which is how the bearer link token reaches the API.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // PriceClass_200 includes edge locations in Indonesia and the rest of Asia,
      // where every user is, without paying for South America and Oceania.
      priceClass: PriceClass.PRICE_CLASS_200,
    });

    new BucketDeployment(this, 'DeploySite', {
      sources: [Source.asset(props.siteDir)],
      destinationBucket: this.bucket,
      // Remove files of earlier builds, and invalidate so phones get the new index.html
      // at once (the hashed assets it points to never change).
      prune: true,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      // The deployment helper's own logs are only useful right after a deploy.
      logGroup: new LogGroup(this, 'DeploySiteLogs', { retention: RetentionDays.ONE_MONTH }),
    });
  }
}
