import { type CfnResource, Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { Policy, Role } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ApelConfig } from '../../functions/core/config';
import { acknowledge, arnRef } from '../nag';

export interface ApelSchedulesProps {
  readonly config: ApelConfig;
  /** The apel clock (functions/handlers/apel-clock.ts); input `{}`. */
  readonly clock: IFunction;
}

/** Retries for an invocation that fails; 15 minutes still leaves the apel window usable. */
const RETRY_ATTEMPTS = 10;
const MAX_EVENT_AGE = Duration.minutes(15);

/**
 * EventBridge Scheduler runs the apel clock every minute, in the regency's own time
 * zone (so WIB/WITA/WIT need no UTC arithmetic and no daylight-saving surprises). The
 * clock decides from config and calendar what is due at that minute (open an apel whose
 * window began, close one whose window ended a minute ago), so holidays, cancelled
 * slots, extra apel days, changed times and extended windows need no redeploy and no
 * schedule per slot. The handler is idempotent, because both Scheduler and Lambda retry
 * (and a retried tick overlaps the next one).
 */
export class ApelSchedules extends Construct {
  /** Scheduled invocations that failed after all retries; should stay empty. */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: ApelSchedulesProps) {
    super(scope, id);
    const { config } = props;
    const timeZone = TimeZone.of(config.timeZone);

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      enforceSSL: true,
      // The longest SQS allows: time to notice, investigate and re-run a missed close.
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this.deadLetterQueue, 'AwsSolutions-SQS3',
      'This queue is itself the dead-letter queue of the apel clock schedule and of its Lambda retries; ' +
        'Monitoring alarms as soon as one message is in it.');

    // Scheduler invokes Lambda asynchronously, so its retry policy covers delivery
    // (throttling, permissions) and Lambda's async config covers handler errors;
    // both end in the same dead-letter queue.
    props.clock.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: MAX_EVENT_AGE,
      onFailure: new SqsDestination(this.deadLetterQueue),
    });

    // The same handler the local scheduler ticks every minute (functions/local/scheduler.ts).
    new Schedule(this, 'ApelClock', {
      description: `Apel clock: open and close each apel by config and calendar, every minute (${config.timeZone})`,
      schedule: ScheduleExpression.cron({ minute: '*', hour: '*', timeZone }),
      target: new LambdaInvoke(props.clock, {
        input: ScheduleTargetInput.fromObject({}),
        retryAttempts: RETRY_ATTEMPTS,
        maxEventAge: MAX_EVENT_AGE,
        deadLetterQueue: this.deadLetterQueue,
      }),
    });
    this.acknowledgeSchedulerRoles([props.clock]);
  }

  /**
   * LambdaInvoke makes one Scheduler role per target function, at stack level, and
   * CDK's grantInvoke lets it invoke the function and its versions (`<arn>:*`). Each
   * role is acknowledged for exactly the functions its policy names.
   */
  private acknowledgeSchedulerRoles(functions: IFunction[]): void {
    const stack = Stack.of(this);
    const roles = stack.node.children.filter((c): c is Role => c instanceof Role && c.node.id.startsWith('SchedulerRoleForTarget-'));
    for (const role of roles) {
      const policy = JSON.stringify(stack.resolve((role.node.tryFindChild('DefaultPolicy') as Policy | undefined)?.document));
      for (const fn of functions) {
        const cfn = fn.node.defaultChild as CfnResource;
        if (!policy.includes(`"${stack.getLogicalId(cfn)}"`)) continue;
        acknowledge(role, 'AwsSolutions-IAM5',
          'EventBridge Scheduler may invoke only this scheduled function; `:*` covers its versions, as CDK grants it.',
          [`Resource::${arnRef(cfn)}:*`]);
      }
    }
  }
}
