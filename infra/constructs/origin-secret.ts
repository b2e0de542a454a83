import { Duration, Fn, Stack } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsCustomResource, AwsCustomResourcePolicy, Logging, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';

export interface OriginSecretProps {
  /** `operations.originSecretRotation` of apel.config.json: raise it by one to rotate. */
  readonly rotation: number;
}

/** Three generations are kept: the one before (edges not yet updated), the one sent, the next one. */
const SLOTS = 3;

/**
 * The secret header value CloudFront adds to every request it forwards to the API, so
 * the API can refuse requests that reach its `execute-api` address directly
 * (functions/http/origin.ts). Made at deploy time by `secretsmanager:GetRandomPassword`
 * (48 letters and digits from AWS's random source): it is never in the repo, the template
 * or a log (the custom resource hides its response data), and nothing is stored in Secrets
 * Manager, which would cost US$0.40 a month per secret. It lives where CloudFormation keeps
 * a custom resource's result, in the distribution's origin settings and in the API
 * functions' environment, so whoever may read those (the account's administrators) can
 * read it: the same people who could change the API anyway.
 *
 * Rotation without refusing anyone: generation n is sent, and the functions accept
 * n-1, n and n+1. Raising the rotation to n+1 makes CloudFront send n+1, which every
 * function already accepted before the deploy, while n stays accepted for the edges that
 * still send it during CloudFront's minutes of propagation; only the slot of n-1 gets a
 * new value (n+2). A value that leaked is refused after two rotations (docs/operations.md).
 */
export class OriginSecret extends Construct {
  /** The value CloudFront sends (a token). */
  readonly current: string;
  /** The values the API accepts, comma-separated (a token), for ORIGIN_SECRETS_ENV. */
  readonly accepted: string;

  constructor(scope: Construct, id: string, props: OriginSecretProps) {
    super(scope, id);
    const n = props.rotation;
    // The custom resources' shared function runs only during a deploy; its log group is kept a month.
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    const values: string[] = [];
    for (let slot = 0; slot < SLOTS; slot++) {
      // The generation of n-1, n, n+1 that falls in this slot; a new generation is a new physical id, so a new value.
      const generation = [n - 1, n, n + 1].find((g) => ((g % SLOTS) + SLOTS) % SLOTS === slot)!;
      const call = {
        service: 'SecretsManager',
        action: 'getRandomPassword',
        parameters: { PasswordLength: 48, ExcludePunctuation: true, IncludeSpace: false },
        physicalResourceId: PhysicalResourceId.of(`origin-secret-${slot}-generation-${generation}`),
        // Never log the API's answer or the response to CloudFormation: they hold the secret.
        logging: Logging.withDataHidden(),
      };
      const resource = new AwsCustomResource(this, `Slot${slot}`, {
        onCreate: call,
        onUpdate: call,
        policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: AwsCustomResourcePolicy.ANY_RESOURCE }),
        installLatestAwsSdk: false,
        logGroup,
        timeout: Duration.minutes(2),
      });
      values.push(resource.getResponseField('RandomPassword'));
    }
    this.current = values[((n % SLOTS) + SLOTS) % SLOTS]!;
    this.accepted = Fn.join(',', values);
    this.acknowledgeNagFindings();
  }

  private acknowledgeNagFindings(): void {
    // The one function CDK makes for every AwsCustomResource of the stack.
    const handler = Stack.of(this).node.tryFindChild('AWS679f53fac002430cb0da5b7982bd2287');
    if (!handler) throw new Error('AwsCustomResource function not found; cdk-nag findings cannot be acknowledged');
    const owner = 'CDK-owned AwsCustomResource function that asks Secrets Manager for a random origin secret during cdk deploy';
    acknowledge(handler, 'AwsSolutions-L1', `${owner}: CDK chooses and updates its runtime with aws-cdk-lib.`);
    acknowledge(handler, 'AwsSolutions-IAM4', `${owner}: AWSLambdaBasicExecutionRole only lets it write its own logs.`, [
      'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    ]);
    acknowledge(this, 'AwsSolutions-IAM5', `${owner}: secretsmanager:GetRandomPassword acts on no resource, so IAM only accepts "*"; it reads and stores no secret.`, [
      'Resource::*',
    ]);
  }
}
