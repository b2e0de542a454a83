/**
 * Stack output keys, shared by the stack and the CLI that reads them back with
 * `aws cloudformation describe-stacks`. Kept free of CDK imports so the CLI can
 * import it cheaply.
 *
 * CloudFormation output keys must be alphanumeric, so a table's key is its env var
 * in PascalCase: `TABLE_ROSTER` -> `TableRoster`. The output's description holds the
 * env var itself.
 */
export const SITE_URL_OUTPUT = 'SiteUrl';
export const API_URL_OUTPUT = 'ApiUrl';

export function tableOutputKey(envVar: string): string {
  return envVar
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
