import { Annotations, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import type { Construct } from 'constructs';

/** Where AWS Budgets lives: CloudFormation has no AWS::Budgets::Budget in Jakarta (cfn-lint E3006). */
export const BUDGET_REGION = 'us-east-1';

export interface ApelBudgetStackProps extends StackProps {
  /** Unique per account: it starts with the main stack's name, so stages do not collide. */
  readonly budgetName: string;
  /** Monthly amount in US$ (apel.config.json `operations.monthlyBudgetUsd`, default 5). */
  readonly monthlyBudgetUsd: number;
  /** Who is e-mailed at 80 % and 100 % of actual spend; without it the stack warns. */
  readonly alarmEmail?: string | undefined;
}

/**
 * A monthly cost budget of the AWS account, e-mailing at 80 % and 100 % of actual
 * spend. Budgets are account-wide, so it watches the whole bill (a regency's own
 * account holds little else). Its own small stack in us-east-1, deployed with the main
 * one by `cdk deploy --all`, because the resource type does not exist in
 * CloudFormation in every region (not in ap-southeast-3).
 */
export class ApelBudgetStack extends Stack {
  constructor(scope: Construct, id: string, props: ApelBudgetStackProps) {
    super(scope, id, { ...props, env: { ...props.env, region: BUDGET_REGION } });
    const subscribers = props.alarmEmail ? [{ subscriptionType: 'EMAIL', address: props.alarmEmail }] : [];
    if (subscribers.length === 0) {
      Annotations.of(this).addWarningV2(
        'apel:operations-budget-email',
        'No operations.alarmEmail in apel.config.json: the budget is created but e-mails nobody. ' +
          'Set it (e.g. "it@kabupaten.go.id") and deploy again.',
      );
    }
    new CfnBudget(this, 'MonthlyBudget', {
      budget: {
        budgetName: props.budgetName,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: props.monthlyBudgetUsd, unit: 'USD' },
      },
      notificationsWithSubscribers:
        subscribers.length === 0
          ? undefined
          : [80, 100].map((threshold) => ({
              notification: {
                notificationType: 'ACTUAL',
                comparisonOperator: 'GREATER_THAN',
                threshold,
                thresholdType: 'PERCENTAGE',
              },
              subscribers,
            })),
    });
  }
}
