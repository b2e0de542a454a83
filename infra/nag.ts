import { type CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag (AwsSolutionsChecks) findings that are accepted on purpose, each on the
 * narrowest construct that causes it and with the reason a reviewer reads. cdk-nag 3
 * uses CDK's own `Validations.of(scope).acknowledge()` (what v2 called NagSuppressions);
 * a wildcard finding is acknowledged one by one as `RuleId[Resource::…]` (v2's
 * `appliesTo`), so a new wildcard still fails the check in test/infra.
 */
export function acknowledge(scope: IConstruct, rule: string, reason: string, findings: readonly string[] = []): void {
  const ids = findings.length > 0 ? findings.map((finding) => `${rule}[${finding}]`) : [rule];
  Validations.of(scope).acknowledge(...ids.map((id) => ({ id, reason })));
}

/** How cdk-nag names an `Fn::GetAtt [X, Arn]` inside an IAM finding: `<X.Arn>`. */
export function arnRef(resource: CfnResource): string {
  return `<${Stack.of(resource).getLogicalId(resource)}.Arn>`;
}
