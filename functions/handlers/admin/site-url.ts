/**
 * Where the site is, for the links handed out: the deployment's own address, never a
 * request header (an admin's browser could be made to send `Origin: https://evil.example`,
 * and every link issued would then point there). On AWS the stack sets APEL_SITE_URL to
 * its SiteUrl (the CloudFront address); the local runtime sets it to its server's address.
 * Without it (tests, scripts) it is the local server's default address, as for the CLI.
 */
export const SITE_URL_ENV = 'APEL_SITE_URL';

export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  const value = env[SITE_URL_ENV];
  if (!value) {
    if (env.AWS_LAMBDA_FUNCTION_NAME) throw new Error(`${SITE_URL_ENV} is not set; issued links would have no address`);
    return `http://localhost:${env.PORT ?? 3000}`;
  }
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${SITE_URL_ENV} must be an http(s) address, not ${url.protocol}`);
  return url.origin;
}
