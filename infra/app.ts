import { resolve } from 'node:path';
import { App, Tags } from 'aws-cdk-lib';
import { InputError, isInputError, loadConfig, requireWebBuild } from './inputs';
import { DEFAULT_CONFIG_PATH, WEB_DIST_DIR } from './paths';
import { addStage } from './stage';

/**
 * CDK entry point: `cdk synth|deploy [-c stage=prod] [-c config=path/to/apel.config.json]`.
 * The main stack is environment-agnostic (account and region come from the deployer's
 * profile at deploy time) and the budget stack names only its region (us-east-1), so
 * synth works offline without credentials. `cdk deploy --all` deploys both.
 */
function main(): void {
  const app = new App();

  const stage = String(app.node.tryGetContext('stage') ?? 'dev');
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) {
    throw new InputError(`Invalid stage "${stage}": use lowercase letters, digits and dashes (e.g. dev, prod)`);
  }
  const configPath = app.node.tryGetContext('config');
  const config = loadConfig(typeof configPath === 'string' ? resolve(configPath) : DEFAULT_CONFIG_PATH);
  const siteDir = requireWebBuild(WEB_DIST_DIR);

  addStage(app, stage, config, siteDir);
  // On every resource, so cost and ownership can be read per app and per stage.
  Tags.of(app).add('app', 'apel-wfa');
  Tags.of(app).add('stage', stage);

  app.synth();
}

try {
  main();
} catch (error) {
  if (!isInputError(error)) throw error;
  // A bad config or a missing build is the user's to fix: one clear message, no stack trace.
  console.error(error.message);
  process.exitCode = 1;
}
