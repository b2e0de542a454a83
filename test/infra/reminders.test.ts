import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FunctionName } from '../../functions/manifest';
import { buildStack } from './synth-support';

/**
 * Issue 12's infrastructure: the reminders' queue (encrypted, TLS only, its failures in the
 * stack's dead-letter queue), the sender started by it with a bounded batch and
 * concurrency, and the VAPID key's SSM parameter readable by the subscribe function and
 * the sender only. The key itself is never in the template.
 */

type Resource = { Type: string; Properties?: Record<string, any> };
let resources: Record<string, Resource>;
let template: Template;
let stackJson: string;
const fnId = {} as Record<FunctionName, string>;

beforeAll(() => {
  const { stack } = buildStack('uji');
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources;
  stackJson = JSON.stringify(template.toJSON());
  for (const [name, fn] of Object.entries(stack.functions)) fnId[name as FunctionName] = stack.getLogicalId(fn.node.defaultChild as never);
});

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

/** The IAM actions granted to a function's role (all of its policies). */
function actionsOf(fn: FunctionName): string[] {
  const role = resources[fnId[fn]]!.Properties!.Role['Fn::GetAtt'][0];
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => JSON.stringify(p.Properties!.Roles).includes(`"${role}"`))
    .flatMap(([, p]) => p.Properties!.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => [s.Action].flat()));
}

describe('the reminders queue', () => {
  it('is encrypted by SQS, refuses plain HTTP and sends a job received 3 times to the dead-letter queue', () => {
    const queues = ofType('AWS::SQS::Queue').filter(([, q]) => q.Properties?.RedrivePolicy);
    expect(queues).toHaveLength(1);
    const [, queue] = queues[0]!;
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, VisibilityTimeout: 360, MessageRetentionPeriod: 86400, RedrivePolicy: { maxReceiveCount: 3 } });
    expect(JSON.stringify(ofType('AWS::SQS::QueuePolicy'))).toContain('aws:SecureTransport');
  });

  it('starts the sender 5 jobs at a time, at most 2 at once, reporting failed jobs alone', () => {
    const mappings = ofType('AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    expect(mappings[0]![1].Properties).toMatchObject({
      FunctionName: { Ref: fnId.reminderSender },
      BatchSize: 5,
      ScalingConfig: { MaximumConcurrency: 2 },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('may be written to by the apel clock, the heads\' function and the sender only', () => {
    const senders = (Object.keys(fnId) as FunctionName[]).filter((fn) => actionsOf(fn).includes('sqs:SendMessage'));
    expect(senders.sort()).toEqual(['apelClock', 'opd', 'reminderSender']);
  });
});

describe('the VAPID key', () => {
  it('is an SSM parameter that only the subscribe function and the sender may read', () => {
    const readers = (Object.keys(fnId) as FunctionName[]).filter((fn) => actionsOf(fn).includes('ssm:GetParameter'));
    expect(readers.sort()).toEqual(['reminderSender', 'reminders']);
    const statement = ofType('AWS::IAM::Policy')
      .flatMap(([, p]) => p.Properties!.PolicyDocument.Statement)
      .find((s: { Action: unknown }) => JSON.stringify(s.Action).includes('ssm:GetParameter'));
    expect(JSON.stringify(statement.Resource)).toContain(':parameter/');
    expect(JSON.stringify(statement.Resource)).toContain('/pengingat/vapid');
    expect(JSON.stringify(statement.Resource)).not.toContain('*');
  });

  it('is not in the template: no parameter resource, no key material, only its name in the environment', () => {
    expect(ofType('AWS::SSM::Parameter')).toEqual([]);
    expect(stackJson).not.toMatch(/privat|PRIVATE KEY/i);
    expect(resources[fnId.reminders]!.Properties!.Environment.Variables.APEL_VAPID_PARAMETER).toBe('/ApelWfa-uji/pengingat/vapid');
  });
});
