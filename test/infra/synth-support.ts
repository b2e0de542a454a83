import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import type { ApelConfig } from '../../functions/core/config';
import { parseConfig } from '../../functions/core/config';
import { DEFAULT_CONFIG_PATH, REPO_ROOT, WEB_DIST_DIR } from '../../infra/paths';
import type { ApelBudgetStack } from '../../infra/budget-stack';
import type { ApelWfaStack } from '../../infra/stack';
import { addStage } from '../../infra/stage';

/** The feature flags of cdk.json, so a test synthesises what `cdk synth` does. */
export function cdkJsonContext(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')).context;
}

/** The repo's apel.config.json, with `change` applied to a copy of it. */
export function repoConfig(change: (raw: Record<string, any>) => void = () => {}): ApelConfig {
  const raw = JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8'));
  change(raw);
  return parseConfig(raw);
}

/**
 * The stacks of `stage` as `cdk synth -c stage=…` builds them (same ids, same feature
 * flags, infra/stage.ts), without bundling the Lambda code (that is the asset test's and
 * `cdk synth`'s job), so a test file synthesises in seconds. `npm test` builds web/dist first.
 */
export function buildStack(stage: string, config: ApelConfig = repoConfig()): { app: App; stack: ApelWfaStack; budget: ApelBudgetStack } {
  const app = new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
  const { main, budget } = addStage(app, stage, config, WEB_DIST_DIR);
  return { app, stack: main, budget };
}
