import type { App } from 'aws-cdk-lib';
import { type ApelConfig, wafRateLimit } from '../functions/core/config';
import { ApelBudgetStack } from './budget-stack';
import { ApelEdgeStack } from './edge-stack';
import { ApelWfaStack } from './stack';

/**
 * One stage of Apel WFA (`-c stage=uji`, `-c stage=prod`): the stack `ApelWfa-<stage>`
 * and its budget stack `ApelWfa-<stage>-anggaran` (us-east-1, where AWS Budgets has a
 * CloudFormation resource); with `operations.waf` also `ApelWfa-<stage>-waf` (us-east-1,
 * where AWS WAF keeps web ACLs for CloudFront), deployed before the main stack. Every
 * name AWS keeps per account starts with the stack name, so stages live side by side in
 * one account. Used by infra/app.ts and the tests.
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
  const requestsPer5Minutes = wafRateLimit(config.operations);
  const edge =
    requestsPer5Minutes === undefined
      ? undefined
      : new ApelEdgeStack(app, `${stackName}-waf`, {
          description: `Apel WFA (${stage}): AWS WAF web ACL of the CloudFront distribution`,
          mainStackName: stackName,
          requestsPer5Minutes,
        });
  // The main stack reads the web ACL's ARN at deploy time, so the edge stack goes first.
  if (edge) main.addDependency(edge, 'the CloudFront distribution uses the web ACL of the edge stack');
  return { main, budget, edge };
}
