import { Arn, Duration, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionName, FunctionSpec } from '../../functions/manifest';
import { FUNCTION_NAMES, FUNCTIONS } from '../../functions/manifest';
import { JOBS_PER_INVOCATION, QUEUE_URL_ENV, SENDER_CONCURRENCY } from '../../functions/store/reminder-queue';
import { VAPID_PARAMETER_ENV } from '../../functions/store/vapid-key-store';

export interface ReminderQueueProps {
  readonly functions: Readonly<Record<FunctionName, LambdaFunction>>;
  /** Where a job that failed three times goes (the stack's one dead-letter queue, which alarms). */
  readonly deadLetterQueue: IQueue;
}

/**
 * The reminders' queue (functions/store/reminder-queue.ts) and the VAPID key's place:
 *
 * - an SQS standard queue, encrypted with SQS-managed keys (no KMS cost), TLS only: the
 *   functions the manifest marks `queue: 'send'` may SendMessage, the one marked `consume`
 *   (the sender) is started by it, JOBS_PER_INVOCATION jobs at a time and at most
 *   SENDER_CONCURRENCY at once (so 5,000 pushes never take more than 2 concurrent
 *   Lambdas from the check-in), reporting failed jobs alone; a job received 3 times goes to
 *   the dead-letter queue, whose alarm already exists (no new alarm metric);
 * - the SSM parameter `/<stack>/pengingat/vapid` (a SecureString of the standard tier,
 *   which CloudFormation cannot create, so the first function that needs it does:
 *   store/vapid-key-store.ts): only the functions marked `vapidKey` may get and put it,
 *   that one name and nothing else. Its value never passes through the template.
 */
export class ReminderQueue extends Construct {
  readonly queue: Queue;
  readonly vapidParameterName: string;

  constructor(scope: Construct, id: string, props: ReminderQueueProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const specs: Record<FunctionName, FunctionSpec> = FUNCTIONS;
    const sender = FUNCTION_NAMES.filter((n) => specs[n].queue === 'consume');
    const timeout = Math.max(...sender.map((n) => specs[n].timeoutSeconds));
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // SQS's advice: six times the consumer's time-out, so a slow batch is not handed out twice.
      visibilityTimeout: Duration.seconds(6 * timeout),
      // A reminder is worthless after its apel; a day is more than enough.
      retentionPeriod: Duration.days(1),
      deadLetterQueue: { queue: props.deadLetterQueue, maxReceiveCount: 3 },
    });

    this.vapidParameterName = `/${stack.stackName}/pengingat/vapid`;
    const parameterArn = Arn.format({ service: 'ssm', resource: 'parameter', resourceName: this.vapidParameterName.slice(1) }, stack);

    for (const name of FUNCTION_NAMES) {
      const spec = specs[name];
      const fn = props.functions[name];
      if (spec.queue) {
        fn.addEnvironment(QUEUE_URL_ENV, this.queue.queueUrl);
        // The sender puts a job whose pushes must be retried back, with a delay.
        this.queue.grantSendMessages(fn);
      }
      if (spec.queue === 'consume') {
        fn.addEventSource(
          new SqsEventSource(this.queue, { batchSize: JOBS_PER_INVOCATION, maxConcurrency: SENDER_CONCURRENCY, reportBatchItemFailures: true }),
        );
      }
      if (spec.vapidKey) {
        fn.addEnvironment(VAPID_PARAMETER_ENV, this.vapidParameterName);
        // SecureString under the AWS-managed key aws/ssm: its key policy lets principals of the account decrypt through SSM, so no kms grant.
        fn.addToRolePolicy(new PolicyStatement({ actions: ['ssm:GetParameter', 'ssm:PutParameter'], resources: [parameterArn] }));
      }
    }
  }
}
