import type { App } from 'aws-cdk-lib';
import type { ApelConfig } from '../functions/core/config';
import { ApelBudgetStack } from './budget-stack';
import { ApelWfaStack } from './stack';

/**
 * One stage of Apel WFA (`-c stage=uji`, `-c stage=prod`): the stack `ApelWfa-<stage>`
 * and its budget stack `ApelWfa-<stage>-anggaran` (us-east-1, where AWS Budgets has a
 * CloudFormation resource). Every name AWS keeps per account starts with the stack
 * name, so stages live side by side in one account. Used by infra/app.ts and the tests.
 */
export function addStage(app: App, stage: string, config: ApelConfig, siteDir: string) {
  const stackName = `ApelWfa-${stage}`;
  const main = new ApelWfaStack(app, stackName, {
    description: `Apel WFA (${stage}) for ${config.regency}`,
    config,
    siteDir,
  });
  const budget = new ApelBudgetStack(app, `${stackName}-anggaran`, {
    description: `Apel WFA (${stage}): monthly AWS budget for ${config.regency}`,
    budgetName: `${stackName}-bulanan`,
    monthlyBudgetUsd: config.operations.monthlyBudgetUsd,
    alarmEmail: config.operations.alarmEmail,
  });
  return { main, budget };
}
