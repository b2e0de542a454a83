import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * What a Lambda bundle has in place of the SDK's default credential chain
 * (`@aws-sdk/credential-provider-node`: environment, SSO, ini files, web identity, ECS,
 * instance metadata, with the STS and SSO clients they need). Lambda hands a function
 * its credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 * AWS_SESSION_TOKEN), so the rest of the chain is never used there, yet it was a third
 * of the check-in bundle that every cold start at 07:30 parses. infra/bundling.ts
 * aliases the package to this file for the Lambda bundles only; the local runtime, the
 * tests and the CLI (which uses the deployer's SSO or profile) keep the real chain.
 */
export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
