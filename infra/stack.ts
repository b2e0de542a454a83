import { CfnOutput, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { type ApelConfig, wafRateLimit } from '../functions/core/config';
import { API_URL_OUTPUT, SITE_URL_OUTPUT, tableOutputKey } from '../functions/deployment';
import { SITE_URL_ENV } from '../functions/handlers/admin/site-url';
import { ORIGIN_SECRETS_ENV } from '../functions/http/origin';
import { TICKET_SECRETS_ENV } from '../functions/runtime/ticket-secrets';
import { API_FUNCTIONS } from '../functions/http/routes';
import { FUNCTION_NAMES, FUNCTIONS, type FunctionName, tablesOf } from '../functions/manifest';
import { ApelFunction } from './constructs/apel-function';
import { ApelSchedules } from './constructs/apel-schedules';
import { CheckinApi } from './constructs/checkin-api';
import { DataTables } from './constructs/data-tables';
import { Monitoring } from './constructs/monitoring';
import { OriginSecret } from './constructs/origin-secret';
import { ReminderQueue } from './constructs/reminder-queue';
import { WebSite } from './constructs/web-site';
import { EdgeWebAclArn } from './edge-stack';

export interface ApelWfaStackProps extends StackProps {
  /** The validated apel.config.json. */
  readonly config: ApelConfig;
  /** The Vite build output to deploy (web/dist). */
  readonly siteDir: string;
}

/**
 * One deployment of Apel WFA for one regency, laid out like the architecture picture:
 *
 *   phone -> WebSite (CloudFront -> S3)
 *                └─ /api/* -> CheckinApi -> Checkin/Me/Schedule/Opd/Admin functions -> DataTables
 *   ApelSchedules (EventBridge Scheduler, every minute) -> ApelClock function -> DataTables
 *
 * The functions, their tables and grants are those of functions/manifest.ts: each gets
 * only the tables it uses, read-only unless it writes. Only the admin function writes
 * roster and links (besides the CLI, with the deployer's credentials).
 */
export class ApelWfaStack extends Stack {
  // Exposed so tests (and later alarms or dashboards) can find tables and functions by role.
  readonly tables: DataTables['tables'];
  readonly functions: Readonly<Record<FunctionName, ApelFunction>>;

  constructor(scope: Construct, id: string, props: ApelWfaStackProps) {
    super(scope, id, props);
    const { config } = props;

    const { tables } = new DataTables(this, 'DataTables');
    this.tables = tables;

    // One ApelFunction per entry of the manifest, with exactly the tables (and access) it lists;
    // why each function gets what it gets is written there, beside the grant.
    const functions = {} as Record<FunctionName, ApelFunction>;
    for (const name of FUNCTION_NAMES) {
      const spec = FUNCTIONS[name];
      const fn = new ApelFunction(this, `${pascal(name)}Function`, { spec, config });
      for (const [table, access] of tablesOf(name)) fn.bindTable(tables[table], access);
      functions[name] = fn;
    }
    this.functions = functions;

    // Each route of functions/http/routes.ts goes to the function it names.
    const api = new CheckinApi(this, 'CheckinApi', { functions });

    // The apel clock, the manifest's one every-minute function.
    const schedules = new ApelSchedules(this, 'ApelSchedules', { config, clock: functions.apelClock });

    // Reminders: the clock and the heads queue jobs, the sender takes them (Web Push); its failures share the dead-letter queue.
    new ReminderQueue(this, 'Reminders', { functions, deadLetterQueue: schedules.deadLetterQueue });

    // CloudFront sends a secret header the API functions check, so the API's own address is closed.
    const originSecret = new OriginSecret(this, 'OriginSecret', { rotation: config.operations.originSecretRotation });
    for (const name of API_FUNCTIONS) functions[name].addEnvironment(ORIGIN_SECRETS_ENV, originSecret.accepted);

    // The secret that signs window tickets (core/presence.ts), made the same way (no stored secret, no monthly cost):
    // the current generation signs, the three kept are accepted, so a rotation refuses no ticket or kept tap.
    const ticketSecret = new OriginSecret(this, 'TicketSecret', { rotation: config.operations.ticketSecretRotation });
    for (const name of ['checkin', 'me', 'passkey'] as const) functions[name].addEnvironment(TICKET_SECRETS_ENV, Fn.join(',', [ticketSecret.current, ticketSecret.accepted]));

    // operations.waf: the web ACL of the stage's edge stack (us-east-1, infra/edge-stack.ts) in front of CloudFront.
    const webAclArn = wafRateLimit(config.operations) ? new EdgeWebAclArn(this, 'WafWebAcl', { mainStackName: this.stackName }).arn : undefined;
    const site = new WebSite(this, 'WebSite', { siteDir: props.siteDir, apiDomainName: api.domainName, originSecret: originSecret.current, webAclArn });
    // Issued links point at the site, never at an address a request names. No cycle: the
    // distribution depends on the HTTP API resource, not on its routes or functions.
    const siteUrl = `https://${site.distribution.distributionDomainName}`;
    functions.admin.addEnvironment(SITE_URL_ENV, siteUrl);
    // Passkey mode: the WebAuthn RP id and origin that registrations and check-ins must name.
    for (const name of ['checkin', 'passkey'] as const) functions[name].addEnvironment(SITE_URL_ENV, siteUrl);
    // The VAPID subject of reminders (RFC 8292 `sub`): the site's https address.
    functions.reminderSender.addEnvironment(SITE_URL_ENV, siteUrl);

    // Alarms (e-mail) and dashboard; covers every function and table of this.functions/this.tables.
    new Monitoring(this, 'Monitoring', {
      functions: this.functions,
      tables: this.tables,
      api: api.api,
      deadLetterQueue: schedules.deadLetterQueue,
      alarmEmail: config.operations.alarmEmail,
    });

    new CfnOutput(this, SITE_URL_OUTPUT, {
      description: 'Open this URL (with a personal link fragment) on a phone',
      value: siteUrl,
    });
    new CfnOutput(this, API_URL_OUTPUT, {
      description: 'HTTP API endpoint (normally reached through SiteUrl/api)',
      value: api.api.apiEndpoint,
    });
    // Physical table names for the CLI (import roster, issue links), keyed by env var.
    for (const { def, table } of Object.values(tables)) {
      new CfnOutput(this, tableOutputKey(def.envVar), { description: def.envVar, value: table.tableName });
    }
  }
}

/** `apelClock` -> `ApelClock`: the construct id `ApelClockFunction` and so its logical id. */
function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
