import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

/** Where a web ACL for CloudFront must be: AWS WAF keeps CloudFront's (scope CLOUDFRONT) in us-east-1. */
export const EDGE_REGION = 'us-east-1';

/** The SSM parameter (in EDGE_REGION) through which the main stack learns the web ACL's ARN. */
export function webAclArnParameter(mainStackName: string): string {
  return `/${mainStackName}/waf/web-acl-arn`;
}

/** What a blocked client gets: the page retries a 429 later, as it does for API Gateway's. */
const BLOCKED_BODY = JSON.stringify({
  error: { code: 'TERLALU_BANYAK_PERMINTAAN', message: 'Terlalu banyak permintaan dari alamat Anda. Coba lagi beberapa menit lagi.' },
});

export interface ApelEdgeStackProps extends StackProps {
  /** The stack whose CloudFront distribution the web ACL protects (its name starts every name here). */
  readonly mainStackName: string;
  /** Requests one client IP may make in 5 minutes before WAF answers 429 (`operations.waf`). */
  readonly requestsPer5Minutes: number;
}

/**
 * `operations.waf` on: an AWS WAF web ACL for the stage's CloudFront distribution, with
 * one rate-based rule (per client IP over 5 minutes; over the limit, 429 until the rate
 * falls). Its own small stack in us-east-1, where WAF keeps web ACLs for CloudFront,
 * deployed before the main stack by `cdk deploy --all`; the ARN reaches the main stack
 * through an SSM parameter (`EdgeWebAclArn`), since the main stack is
 * environment-agnostic and CloudFormation exports do not cross regions. Requests are not
 * sampled (a sample holds the Authorization header, the link token, and the IP address);
 * WAF's CloudWatch metrics (blocked and allowed counts) cost nothing. Cost: `npm run cost -- --waf`.
 */
export class ApelEdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: ApelEdgeStackProps) {
    super(scope, id, { ...props, env: { ...props.env, region: EDGE_REGION } });
    const metric = (name: string) => ({ cloudWatchMetricsEnabled: true, metricName: `${props.mainStackName}-${name}`, sampledRequestsEnabled: false });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `${props.mainStackName}-waf`,
      description: `Apel WFA (${props.mainStackName}): at most ${props.requestsPer5Minutes} requests per client IP in 5 minutes`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: metric('waf'),
      customResponseBodies: { terlaluBanyak: { contentType: 'APPLICATION_JSON', content: BLOCKED_BODY } },
      rules: [
        {
          name: 'rate-per-ip',
          priority: 0,
          statement: { rateBasedStatement: { aggregateKeyType: 'IP', limit: props.requestsPer5Minutes, evaluationWindowSec: 300 } },
          action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: 'terlaluBanyak', responseHeaders: [{ name: 'retry-after', value: '60' }] } } },
          visibilityConfig: metric('waf-rate-per-ip'),
        },
      ],
    });
    new StringParameter(this, 'WebAclArn', {
      parameterName: webAclArnParameter(props.mainStackName),
      description: `ARN of the web ACL of ${props.mainStackName}'s CloudFront distribution`,
      stringValue: this.webAcl.attrArn,
    });
  }
}

/**
 * In the main stack: the ARN of the edge stack's web ACL, read from its SSM parameter in
 * us-east-1 at deploy time (CDK's AwsCustomResource, allowed to read that one parameter).
 * If the web ACL is ever replaced, deploy the main stack again so it reads the new ARN.
 */
export class EdgeWebAclArn extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: { mainStackName: string }) {
    super(scope, id);
    const name = webAclArnParameter(props.mainStackName);
    const call = {
      service: 'SSM',
      action: 'getParameter',
      parameters: { Name: name },
      region: EDGE_REGION,
      physicalResourceId: PhysicalResourceId.of(name),
    };
    const read = new AwsCustomResource(this, 'Read', {
      onCreate: call,
      onUpdate: call,
      policy: AwsCustomResourcePolicy.fromSdkCalls({
        resources: [Stack.of(this).formatArn({ service: 'ssm', region: EDGE_REGION, resource: 'parameter', resourceName: name.slice(1) })],
      }),
      installLatestAwsSdk: false,
      timeout: Duration.minutes(2),
    });
    this.arn = read.getResponseField('Parameter.Value');
  }
}
