import { type CfnResource, Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { Policy, Role } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { apelJobs } from '../../functions/core/apel-jobs';
import type { ApelConfig, Slot } from '../../functions/core/config';
import { acknowledge, arnRef } from '../nag';

export interface ApelSchedulesProps {
  readonly config: ApelConfig;
  /** Opens the day's sesi for a slot; input `{ "slot": "pagi" | "sore" }`. */
  readonly openApel: IFunction;
  /** Closes the sesi and writes the recap; same input. */
  readonly closeApel: IFunction;
}

/** Retries for an invocation that fails; 15 minutes still leaves the apel window usable. */
const RETRY_ATTEMPTS = 10;
const MAX_EVENT_AGE = Duration.minutes(15);

/** `"08:01"` as cron minute and hour fields. */
export function cronTime(clock: string): { minute: string; hour: string } {
  const [h, m] = clock.split(':').map(Number);
  return { minute: String(m ?? 0), hour: String(h ?? 0) };
}

/**
 * EventBridge Scheduler opens and closes each apel slot, in the regency's own time
 * zone (so WIB/WITA/WIT need no UTC arithmetic and no daylight-saving surprises).
 * The schedules fire every day: the handler decides whether the date is a WFA day or a
 * holiday, so the calendar and WFA days change without a redeploy. Handlers must be
 * idempotent, because both Scheduler and Lambda retry.
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
      'This queue is itself the dead-letter queue of the open/close schedules and of their Lambda retries; ' +
        'Monitoring alarms as soon as one message is in it.');

    // Scheduler invokes Lambda asynchronously, so its retry policy covers delivery
    // (throttling, permissions) and Lambda's async config covers handler errors;
    // both end in the same dead-letter queue.
    for (const fn of [props.openApel, props.closeApel]) {
      fn.configureAsyncInvoke({
        retryAttempts: 2,
        maxEventAge: MAX_EVENT_AGE,
        onFailure: new SqsDestination(this.deadLetterQueue),
      });
    }

    // The same job list the local scheduler fires (functions/core/apel-jobs.ts): open at
    // each slot's opening time, close one minute after its closing time so check-ins in
    // flight at the closing instant are stored before the recap counts them.
    for (const job of apelJobs(config)) {
      const open = job.action === 'open';
      this.addSchedule(`${open ? 'Open' : 'Close'}${label(job.slot)}`, {
        fn: open ? props.openApel : props.closeApel,
        slot: job.slot,
        at: cronTime(job.time),
        timeZone,
        description: `${open ? 'Open' : 'Close'} apel ${job.slot} at ${job.time} ${config.timeZone}`,
      });
    }
    this.acknowledgeSchedulerRoles([props.openApel, props.closeApel]);
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

  private addSchedule(id: string, { fn, slot, at, timeZone, description }: ScheduleSpec): Schedule {
    return new Schedule(this, id, {
      description,
      // Every day of the week (cron day-of-week `?` with day-of-month `*`); see the class comment.
      schedule: ScheduleExpression.cron({ ...at, timeZone }),
      target: new LambdaInvoke(fn, {
        input: ScheduleTargetInput.fromObject({ slot }),
        retryAttempts: RETRY_ATTEMPTS,
        maxEventAge: MAX_EVENT_AGE,
        deadLetterQueue: this.deadLetterQueue,
      }),
    });
  }
}

interface ScheduleSpec {
  readonly fn: IFunction;
  readonly slot: Slot;
  readonly at: { minute: string; hour: string };
  readonly timeZone: TimeZone;
  readonly description: string;
}

function label(slot: Slot): string {
  return slot.charAt(0).toUpperCase() + slot.slice(1);
}
