import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ApelConfig } from '../functions/core/config';
import { ApelFunction } from './constructs/apel-function';
import { ApelSchedules } from './constructs/apel-schedules';
import { CheckinApi } from './constructs/checkin-api';
import { DataTables } from './constructs/data-tables';
import { Monitoring } from './constructs/monitoring';
import { WebSite } from './constructs/web-site';
import { API_URL_OUTPUT, SITE_URL_OUTPUT, tableOutputKey } from './output-keys';

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
 *                └─ /api/* -> CheckinApi -> Checkin/Me/Schedule functions -> DataTables
 *   ApelSchedules (EventBridge Scheduler, every minute) -> ApelClock function -> DataTables
 *
 * Each function gets only the tables it uses, read-only unless it writes. Only the admin
 * function writes roster and links (besides the CLI, with the deployer's credentials).
 */
export class ApelWfaStack extends Stack {
  // Exposed so tests (and later alarms or dashboards) can find tables and functions by role.
  readonly tables: DataTables['tables'];
  readonly functions: Readonly<Record<'checkin' | 'me' | 'schedule' | 'opd' | 'admin' | 'apelClock', ApelFunction>>;

  constructor(scope: Construct, id: string, props: ApelWfaStackProps) {
    super(scope, id, props);
    const { config } = props;

    const { tables } = new DataTables(this, 'DataTables');
    this.tables = tables;

    // The hot path, kept separate and lean: it cold-starts when everybody arrives at 07:30.
    const checkin = new ApelFunction(this, 'CheckinFunction', {
      entry: 'checkin',
      description: 'POST /api/checkins: record an ASN check-in at an open apel',
      config,
    })
      .bindTable(tables.links)
      .bindTable(tables.sessions)
      // Check-ins are only ever added: no update or delete, not even by mistake.
      .bindTable(tables.checkins, 'RO+PUT');

    const me = new ApelFunction(this, 'MeFunction', {
      entry: 'me',
      description: "GET /api/me: an ASN's profile, today's apel and this week",
      config,
    })
      .bindTable(tables.roster)
      .bindTable(tables.links)
      .bindTable(tables.calendar)
      .bindTable(tables.sessions)
      .bindTable(tables.checkins)
      // Today's readiness check of their OPD, and the answer to it.
      .bindTable(tables.records, 'RO+PUT');

    const schedule = new ApelFunction(this, 'ScheduleFunction', {
      entry: 'schedule',
      description: 'GET /api/schedule: coming apel and holidays',
      config,
    })
      .bindTable(tables.links)
      .bindTable(tables.calendar);

    // The heads' pages (and the admin's view of any OPD): live roll, excuses, readiness,
    // uniform marks, recaps. Check-ins may be annotated (uniform mark), never added or removed.
    const opd = new ApelFunction(this, 'OpdFunction', {
      entry: 'opd-api',
      description: "/api/opd/*: an OPD head's live roll, excuses, readiness checks and recaps",
      config,
      memorySize: 1024,
      timeout: Duration.seconds(29),
    })
      .bindTable(tables.roster)
      .bindTable(tables.links)
      .bindTable(tables.calendar)
      .bindTable(tables.sessions)
      .bindTable(tables.checkins, 'RO+UPDATE')
      .bindTable(tables.records, 'RW')
      .bindTable(tables.audit, 'RO+PUT');

    // The HR admin's console: roster (imports of 5,000 rows in one request), OPDs, calendar,
    // disruptions, links, overview and audit. The only function that writes roster and links.
    const admin = new ApelFunction(this, 'AdminFunction', {
      entry: 'admin-api',
      description: '/api/admin/*: roster, OPDs, calendar, disruptions, links, overview and audit trail',
      config,
      memorySize: 1024,
      timeout: Duration.seconds(29),
    })
      .bindTable(tables.roster, 'RW')
      .bindTable(tables.links, 'RW')
      .bindTable(tables.calendar, 'RW')
      // A disruption is written onto the sesi record; sesi are never deleted.
      .bindTable(tables.sessions, 'RO+PUT')
      .bindTable(tables.checkins)
      .bindTable(tables.records)
      .bindTable(tables.audit, 'RO+PUT');

    // The apel clock, every minute: opens each apel when due (config + calendar) and closes
    // it a minute after its window, writing the per-OPD recap. Closing reads the whole
    // roster and every check-in of the sesi: more memory (and so CPU) and time than an API call.
    const apelClock = new ApelFunction(this, 'ApelClockFunction', {
      entry: 'apel-clock',
      description: 'Scheduled every minute: open and close each apel by config and calendar, write the recap',
      config,
      memorySize: 1024,
      timeout: Duration.minutes(2),
    })
      .bindTable(tables.roster)
      .bindTable(tables.calendar)
      .bindTable(tables.checkins)
      .bindTable(tables.sessions, 'RW');

    this.functions = { checkin, me, schedule, opd, admin, apelClock };

    const api = new CheckinApi(this, 'CheckinApi', { functions: { checkin, me, schedule, opd, admin } });

    const schedules = new ApelSchedules(this, 'ApelSchedules', { config, clock: apelClock });

    const site = new WebSite(this, 'WebSite', { siteDir: props.siteDir, apiDomainName: api.domainName });

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
      value: `https://${site.distribution.distributionDomainName}`,
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
