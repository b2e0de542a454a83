import { FUNCTIONS, functionsTriggeredBy } from '../manifest';

/**
 * The expected monthly AWS bill of one Apel WFA stage, item by item, from a usage
 * model (below) and list prices (PRICES). Pure: `npm run cost -- --asn 3000` prints it,
 * test/core/cost-model.test.ts checks it. Every figure is an estimate to plan with, not
 * a quote: the budget alarm (infra/budget-stack.ts) watches the real bill.
 */

/**
 * List prices in US$, as published on each service's pricing page (aws.amazon.com/<service>/pricing),
 * for US East (N. Virginia), checked 2026-11-29. Jakarta (ap-southeast-3) list prices are
 * not reproduced here: `regionFactor` (default 1.25) adds a margin for them, which
 * over- rather than under-estimates. Free tiers are the always-free ones (not the
 * 12-month trial), applied once per account.
 */
export const PRICES = {
  source: 'aws.amazon.com/<service>/pricing, US East (N. Virginia) list prices, checked 2026-11-29',
  apiGatewayHttpPerMillion: 1.0, // HTTP API, first 300 M requests/month
  lambdaArmPerGbSecond: 0.0000133334, // Arm (Graviton), first 7.5 billion GB-s
  lambdaPerMillionRequests: 0.2,
  dynamoWritePerMillionWru: 0.625, // on-demand, standard table class
  dynamoReadPerMillionRru: 0.125,
  dynamoStoragePerGbMonth: 0.25,
  dynamoPitrPerGbMonth: 0.2, // continuous backups (point-in-time recovery)
  cloudFrontPerGbAsia: 0.12, // data transfer out, Asia Pacific edges, first 10 TB
  cloudFrontPer10kHttps: 0.012, // HTTPS requests, Asia Pacific
  schedulerPerMillion: 1.0, // EventBridge Scheduler invocations
  logsIngestPerGb: 0.5, // CloudWatch Logs standard ingestion
  logsStoragePerGbMonth: 0.03,
  customMetricPerMonth: 0.3, // first 10,000 metrics, prorated by the hour a metric receives data
  alarmMetricPerMonth: 0.1, // standard resolution, per metric in an alarm
  dashboardPerMonth: 3.0,
  sqsPerMillion: 0.4,
  snsEmailPer100k: 2.0,
  s3StoragePerGbMonth: 0.023,
  s3GetPer1k: 0.0004,
  budgetsPerBudgetDay: 0.02, // after the first two budgets of an account
  // AWS WAF (operations.waf), the same for CloudFront everywhere; no free tier.
  wafWebAclPerMonth: 5.0,
  wafRulePerMonth: 1.0,
  wafPerMillionRequests: 0.6,
} as const;

/** Always-free allowances per account and month (not the 12-month trial). */
export const FREE_TIER = {
  lambdaRequests: 1_000_000,
  lambdaGbSeconds: 400_000,
  cloudFrontGb: 1024,
  cloudFrontRequests: 10_000_000,
  schedulerInvocations: 14_000_000,
  logsGb: 5, // ingestion + storage
  customMetrics: 10,
  alarmMetrics: 10,
  dashboards: 3,
  sqsRequests: 1_000_000,
  snsEmails: 1_000,
  dynamoStorageGb: 25,
  budgets: 2,
} as const;

/** What people do, per month. Defaults describe one regency; every one can be overridden. */
export interface Usage {
  asn: number;
  /** WFA days a week (config `wfaDays`) and apel per WFA day (pagi, sore). */
  wfaDaysPerWeek: number;
  apelPerDay: number;
  /** An ASN's page on an apel: GET /api/me and /api/schedule, one check-in, retries. */
  apiCallsPerAsnPerApel: number;
  /** Pages an ASN opens outside apel (their week, the schedule), per WFA day. */
  extraPageViewsPerAsnPerWfaDay: number;
  /** Heads (pimpinan) watching their live roll, polling every `pollSeconds` while a window is open. */
  heads: number;
  pollSeconds: number;
  /**
   * Share of those polls that find the roll changed (a check-in of the OPD in the last 15 s,
   * or the ETag's 5 minutes over): a head's 75 staff check in over the first half of the
   * window, about 70 of a window's 210 polls.
   */
  changedPollShare: number;
  /** Minutes an apel window is open (pagi 07:00–08:00 and sore 15:45–16:30 average 52.5). */
  windowMinutes: number;
  /** Admin console calls per WFA day (roster, excuses, recaps). */
  adminCallsPerWfaDay: number;
  /** Survei Kepuasan Masyarakat answers per month, regency-wide (citizens at the service desks, from the QR posters). */
  surveyAnswersPerMonth: number;
  /** Reminders (issue 12): the share of ASN who switch them on, and their devices each (a phone, its home-screen app). */
  reminderOptInShare: number;
  devicesPerSubscriber: number;
  /** Share of subscribers still not checked in when the soon-late reminder goes (`pengingatMenit` before the limit). */
  lateReminderShare: number;
  /** Months of check-ins kept (storage grows; the figure is for the end of this month). */
  monthsOfData: number;
  /** Margin over US East list prices for Jakarta. */
  regionFactor: number;
  /** `operations.waf` on: a web ACL with one rate-based rule in front of CloudFront. */
  waf: boolean;
}

export function defaultUsage(asn: number): Usage {
  return {
    asn,
    wfaDaysPerWeek: 2,
    apelPerDay: 2,
    apiCallsPerAsnPerApel: 3.2,
    extraPageViewsPerAsnPerWfaDay: 0.5,
    // ~1 head per 75 ASN (36 OPDs for 2,259 demo ASN); 3,000 ASN → 40 heads.
    heads: Math.max(1, Math.round(asn / 75)),
    pollSeconds: 15,
    changedPollShare: 0.3,
    windowMinutes: 52.5,
    adminCallsPerWfaDay: 300,
    // ~1 answer a month for every 2 ASN (1,500 for 3,000 ASN: ~40 per OPD, most at the public-service desks).
    surveyAnswersPerMonth: Math.round(asn / 2),
    reminderOptInShare: 0.6,
    devicesPerSubscriber: 1.2,
    lateReminderShare: 0.4,
    monthsOfData: 12,
    regionFactor: 1.25,
    waf: false,
  };
}

export interface CostItem {
  service: string;
  item: string;
  quantity: string;
  /** List price, before free tiers. */
  listUsd: number;
  /** After the always-free tier of one account holding one stage. */
  usd: number;
}

export interface CostEstimate {
  usage: Usage;
  items: CostItem[];
  listTotalUsd: number;
  totalUsd: number;
  /** Derived traffic figures, for the reader of the estimate. */
  traffic: { apelPerMonth: number; apiRequests: number; checkIns: number; headPolls: number; lambdaGbSeconds: number; cloudFrontRequests: number };
}

/**
 * The scheduled functions of the manifest (the apel clock, functions/handlers/apel-clock.ts),
 * run by one schedule every minute, at the memory the manifest gives them.
 */
export const APEL_CLOCK = {
  functions: functionsTriggeredBy('every-minute').length,
  runsPerDay: 24 * 60,
  msPerTick: 40,
  mb: FUNCTIONS.apelClock.memoryMb,
  // Closing a sesi reads the roster and its check-ins: about 3 s.
  msPerClose: 3000,
  rruPerTick: 3,
} as const;

/**
 * Reminders (functions/usecases/reminders/): per apel, a plan job for the opening and one for the
 * soon-late push (each reads the roster, excuses and check-ins by OPD and BatchGets the awaited ASN's
 * subscriptions: ~0.5 RRU each), send jobs of 50 subscriptions (SendMessageBatch of 10), the sender
 * started 5 jobs at a time (16 pushes in flight, ~150 ms each: ~2.5 s at 512 MB); the heads' nudges add
 * ~5 % more pushes. The SQS event source long-polls the empty queue all month (~15 ReceiveMessage a
 * minute): within SQS's free million. The VAPID key: an SSM standard SecureString (free), decrypted by
 * the AWS-managed key aws/ssm (no key fee; a warm function asks at most every 5 minutes, well within
 * KMS's 20,000 free requests).
 */
export const REMINDERS = {
  plansPerApel: 2,
  pushesPerSendJob: 50,
  jobsPerInvocation: 5,
  msPerInvocation: 2500,
  msPerPlan: 3000,
  mb: FUNCTIONS.reminderSender.memoryMb,
  nudgeShare: 0.05,
  idleReceivesPerMinute: 15,
} as const;

/**
 * The metric of each alarm of infra/constructs/monitoring.ts (alarms are billed per
 * metric; 10 are free). Each covers a class of failure of every function and table, so
 * the number does not grow with the stack.
 */
export const ALARM_METRICS = [
  'AWS/SQS ApproximateNumberOfMessagesVisible (schedules dead-letter queue)',
  'AWS/ApiGateway 5xx',
  'ApelWfa Latency p99 (check-in)',
  'AWS/Lambda Errors (region, every function)',
  'AWS/Lambda Throttles (region, every function)',
  'ApelWfa ServerErrors',
  'ApelWfa DynamoDbThrottled (every table)',
  'ApelWfa Unauthenticated (401s)',
] as const;

export function alarmMetricCount(): number {
  return ALARM_METRICS.length;
}

/** The AWS WAF web ACL of `operations.waf`: its monthly list price for `requests` inspected (every CloudFront request). */
export function wafMonthlyUsd(requests: number): number {
  return PRICES.wafWebAclPerMonth + PRICES.wafRulePerMonth + (requests / 1e6) * PRICES.wafPerMillionRequests;
}

const WEEKS_PER_MONTH = 52 / 12;
const HOURS_PER_MONTH = 730;
const KB = 1024;
const GB = 1024 ** 3;

/**
 * Request sizes and costs per kind of API call, from the handlers and stores (docs in README "Cost");
 * each billed at the memory the manifest gives the function that serves it.
 */
const CALLS = {
  // BatchGet link + sesi (strongly consistent, 2 RRU); PutItem into table + 2 indexes (3 WRU). The phone's signature
  // is checked in the same call (ECDSA P-256, ~0.1 ms of CPU); its key came with the link. The first signed
  // check-in of an ASN also binds the link (a TransactWriteItems: twice the WRU, once per ASN, left out here).
  checkin: { rru: 2, wru: 3, ms: 60, mb: FUNCTIONS.checkin.memoryMb, responseKb: 0.8 },
  // link, profile, holidays, today's sesi, the week's check-ins, readiness.
  me: { rru: 4, wru: 0, ms: 70, mb: FUNCTIONS.me.memoryMb, responseKb: 2 },
  schedule: { rru: 1.5, wru: 0, ms: 40, mb: FUNCTIONS.schedule.memoryMb, responseKb: 2 },
  // link + an OPD's roster and check-ins through the byOpd indexes (eventually consistent).
  // A poll of the live roll (usecases/opd/roll.ts). Unchanged: one BatchGetItem of the link (strongly
  // consistent, 1 RRU) and four small items (OPD, roster, excuse and day versions: 0.5 each), one query of
  // the index keys of the last 30 s (0.5), a bodiless 304. Changed: the same, then the OPD's check-ins
  // (75 × 0.3 KB, 3 RRU), excuses, calendar and sesi of the day (3); the staff come from the function's
  // memory while the roster version stands (else +3.5 RRU).
  headPollUnchanged: { rru: 3.5, wru: 0, ms: 25, mb: FUNCTIONS.opd.memoryMb, responseKb: 0.3 },
  // Changed: also the OPD's phones (bound markers and waiting requests, ~75 × 0.1 KB: 0.5 RRU; issue 15).
  headPollChanged: { rru: 10.5, wru: 0, ms: 90, mb: FUNCTIONS.opd.memoryMb, responseKb: 6 },
  admin: { rru: 20, wru: 1, ms: 150, mb: FUNCTIONS.admin.memoryMb, responseKb: 10 },
  // The public survey (functions/handlers/survei.ts): the form (GetItem of the OPD, 0.5 RRU), then the answer:
  // one TransactWriteItems of a ConditionCheck (OPD, 2 RRU), a Put (answer, ~0.4 KB: 2 WRU) and an Update
  // (the OPD's day sums, ~1 KB: 2 WRU), transactional units counted double.
  surveyForm: { rru: 0.5, wru: 0, ms: 30, mb: FUNCTIONS.survei.memoryMb, responseKb: 1.5 },
  surveyAnswer: { rru: 2, wru: 4, ms: 40, mb: FUNCTIONS.survei.memoryMb, responseKb: 0.2 },
} as const;

export function estimateMonthlyCost(usage: Usage): CostEstimate {
  const u = usage;
  const f = u.regionFactor;
  const wfaDays = u.wfaDaysPerWeek * WEEKS_PER_MONTH;
  const apelPerMonth = wfaDays * u.apelPerDay;

  // Requests by kind.
  const checkIns = u.asn * apelPerMonth;
  const asnCalls = u.asn * (apelPerMonth * u.apiCallsPerAsnPerApel + wfaDays * u.extraPageViewsPerAsnPerWfaDay * 2);
  const pageCalls = asnCalls - checkIns; // me + schedule, half each
  const headPolls = u.heads * (60 / u.pollSeconds) * u.windowMinutes * apelPerMonth;
  const adminCalls = u.adminCallsPerWfaDay * wfaDays;
  const apiRequests = asnCalls + headPolls + adminCalls + 2 * u.surveyAnswersPerMonth + u.asn * u.reminderOptInShare * u.devicesPerSubscriber;
  const pageLoads = u.asn * (apelPerMonth + wfaDays * u.extraPageViewsPerAsnPerWfaDay) + u.heads * apelPerMonth + u.surveyAnswersPerMonth;
  const kinds = [
    { n: checkIns, c: CALLS.checkin },
    { n: pageCalls / 2, c: CALLS.me },
    { n: pageCalls / 2, c: CALLS.schedule },
    { n: headPolls * (1 - u.changedPollShare), c: CALLS.headPollUnchanged },
    { n: headPolls * u.changedPollShare, c: CALLS.headPollChanged },
    { n: adminCalls, c: CALLS.admin },
    { n: u.surveyAnswersPerMonth, c: CALLS.surveyForm },
    { n: u.surveyAnswersPerMonth, c: CALLS.surveyAnswer },
  ];

  // The apel clock: one schedule every minute; a tick reads today's plan (a few RRU), and each
  // close reads the roster and the sesi's check-ins (items ~0.5/0.4 KB, 4 KB per RRU, eventually consistent).
  const scheduledRuns = APEL_CLOCK.runsPerDay * 30.4;
  const closeRru = scheduledRuns * APEL_CLOCK.rruPerTick + (apelPerMonth * (u.asn * 0.5 * 0.5 + u.asn * 0.4 * 0.5)) / 4;
  const closeGbSeconds = ((apelPerMonth * APEL_CLOCK.msPerClose + scheduledRuns * APEL_CLOCK.msPerTick) * APEL_CLOCK.mb) / 1000 / 1024;

  // Reminders: pushes, send jobs, sender invocations and the queue's requests (REMINDERS above).
  const subscribers = u.asn * u.reminderOptInShare;
  const pushes = subscribers * u.devicesPerSubscriber * (1 + u.lateReminderShare + REMINDERS.nudgeShare) * apelPerMonth;
  const sendJobs = pushes / REMINDERS.pushesPerSendJob;
  const senderRuns = sendJobs / REMINDERS.jobsPerInvocation + REMINDERS.plansPerApel * apelPerMonth;
  const senderGbSeconds = ((sendJobs / REMINDERS.jobsPerInvocation) * REMINDERS.msPerInvocation + REMINDERS.plansPerApel * apelPerMonth * REMINDERS.msPerPlan) * REMINDERS.mb / 1000 / 1024;
  const sqsRequests = REMINDERS.idleReceivesPerMinute * 60 * 24 * 30.4 + (sendJobs + REMINDERS.plansPerApel * apelPerMonth) * 2;
  const reminderRru = REMINDERS.plansPerApel * apelPerMonth * (u.asn * 0.5 + (u.asn * (0.5 + 0.4 * 0.5)) / 4 * 0.5);
  const reminderCalls = subscribers * u.devicesPerSubscriber; // switching on (or off) once a month

  const lambdaRequests = apiRequests + scheduledRuns + senderRuns + reminderCalls;
  const lambdaGbSeconds = kinds.reduce((s, { n, c }) => s + (n * c.ms * c.mb) / 1000 / 1024, 0) + closeGbSeconds + senderGbSeconds;
  // The evaluation (usecases/evaluation/): each close also writes one aggregate per OPD (~0.9 KB: 1 WRU) after a
  // query of the OPD's excuses of the date (and at apel sore the day's readiness checks, ~1.5 RRU in all); a view
  // reads one month partition per month of both periods: a regency quarter ~400 RRU (npm run bench:evaluation:
  // 3.2 MB for 36 OPDs), a head's OPD ~20. Taken as 20 regency and 40 head views a month.
  const opdCount = u.asn / 75;
  const evaluationRru = apelPerMonth * opdCount * 1.5 + 20 * 400 + 40 * 20;
  const evaluationWru = apelPerMonth * opdCount;
  const rru = kinds.reduce((s, { n, c }) => s + n * c.rru, 0) + closeRru + reminderRru + reminderCalls * 2 + evaluationRru;
  const wru = kinds.reduce((s, { n, c }) => s + n * c.wru, 0) + apelPerMonth * (u.asn / 75 + 2) + reminderCalls * 4 + apelPerMonth * 3 + evaluationWru;

  // Storage at the end of `monthsOfData`: check-ins (item ~0.4 KB, stored in the table and 2 indexes), roster, links.
  const storageGb = (checkIns * u.monthsOfData * 0.4 * KB * 3 + u.asn * (0.5 * KB * 2 + 0.3 * KB * 2)) / GB;

  // CloudFront carries the site and every API call (site and API share one origin).
  const cfRequests = apiRequests + pageLoads * 1.4; // index.html, and the hashed assets when not cached
  const cfGb = (pageLoads * (0.4 + 12.7 * 0.4) * KB + kinds.reduce((s, { n, c }) => s + n * c.responseKb * KB, 0)) / GB;

  // CloudWatch: access log (~300 B), EMF lines (~700 B, up to 2 per request), Lambda START/END/REPORT (~350 B).
  const logsGb = (apiRequests * (300 + 1000 + 350) + scheduledRuns * 400 + apelPerMonth * 2 * 2000) / GB;
  const logsStoredGb = logsGb * 3 * 0.25; // 3 months kept, stored compressed

  // Custom metrics (telemetry/names.ts), prorated by the hours they receive data.
  const windowHours = 4 * wfaDays; // 07–08 and 15–16 o'clock buckets of each WFA day
  const routeCount = 16;
  const metricHours =
    3 * windowHours + // CheckIns by status
    8 * windowHours + // Refusals by code
    2 * 10 * 30.4 + // Latency of the ASN pages, used through the day
    (routeCount - 3) * windowHours + // Latency of heads' and admin routes
    4 * wfaDays; // SesiOpened/SesiClosed by slot, in the hour of each open and close
  const metricMonths = metricHours / HOURS_PER_MONTH;

  const alarmMetrics = alarmMetricCount();

  const items: CostItem[] = [];
  const add = (service: string, item: string, quantity: string, listUsd: number, usd = listUsd) =>
    items.push({ service, item, quantity, listUsd, usd: Math.max(0, usd) });
  const over = (amount: number, free: number) => Math.max(0, amount - free);

  add('API Gateway', 'HTTP API requests', `${fmt(apiRequests)} req`, (apiRequests / 1e6) * PRICES.apiGatewayHttpPerMillion * f);
  add('Lambda', 'requests', `${fmt(lambdaRequests)} req`, (lambdaRequests / 1e6) * PRICES.lambdaPerMillionRequests * f,
    (over(lambdaRequests, FREE_TIER.lambdaRequests) / 1e6) * PRICES.lambdaPerMillionRequests * f);
  add('Lambda', 'compute (Arm)', `${fmt(lambdaGbSeconds)} GB-s`, lambdaGbSeconds * PRICES.lambdaArmPerGbSecond * f,
    over(lambdaGbSeconds, FREE_TIER.lambdaGbSeconds) * PRICES.lambdaArmPerGbSecond * f);
  add('DynamoDB', 'on-demand writes', `${fmt(wru)} WRU`, (wru / 1e6) * PRICES.dynamoWritePerMillionWru * f);
  add('DynamoDB', 'on-demand reads', `${fmt(rru)} RRU`, (rru / 1e6) * PRICES.dynamoReadPerMillionRru * f);
  add('DynamoDB', `storage (after ${u.monthsOfData} months)`, `${storageGb.toFixed(2)} GB`, storageGb * PRICES.dynamoStoragePerGbMonth * f,
    over(storageGb, FREE_TIER.dynamoStorageGb) * PRICES.dynamoStoragePerGbMonth * f);
  add('DynamoDB', 'point-in-time recovery', `${storageGb.toFixed(2)} GB`, storageGb * PRICES.dynamoPitrPerGbMonth * f);
  add('CloudFront', 'HTTPS requests', `${fmt(cfRequests)} req`, (cfRequests / 1e4) * PRICES.cloudFrontPer10kHttps,
    (over(cfRequests, FREE_TIER.cloudFrontRequests) / 1e4) * PRICES.cloudFrontPer10kHttps);
  add('CloudFront', 'data transfer out', `${cfGb.toFixed(2)} GB`, cfGb * PRICES.cloudFrontPerGbAsia,
    over(cfGb, FREE_TIER.cloudFrontGb) * PRICES.cloudFrontPerGbAsia);
  add('S3', 'site files and CloudFront reads', '< 1 MB', 0.001);
  add('EventBridge Scheduler', 'apel clock, every minute', `${fmt(scheduledRuns)} inv`, (scheduledRuns / 1e6) * PRICES.schedulerPerMillion * f,
    (over(scheduledRuns, FREE_TIER.schedulerInvocations) / 1e6) * PRICES.schedulerPerMillion * f);
  const logsList = (logsGb * PRICES.logsIngestPerGb + logsStoredGb * PRICES.logsStoragePerGbMonth) * f;
  add('CloudWatch', 'logs (ingest, 3 months kept)', `${logsGb.toFixed(2)} GB`, logsList,
    (over(logsGb + logsStoredGb, FREE_TIER.logsGb) / (logsGb + logsStoredGb || 1)) * logsList);
  add('CloudWatch', 'custom metrics (EMF, by the hour)', `${metricMonths.toFixed(1)} metric-months`, metricMonths * PRICES.customMetricPerMonth * f,
    over(metricMonths, FREE_TIER.customMetrics) * PRICES.customMetricPerMonth * f);
  add('CloudWatch', 'alarms', `${alarmMetrics} alarm metrics`, alarmMetrics * PRICES.alarmMetricPerMonth * f,
    over(alarmMetrics, FREE_TIER.alarmMetrics) * PRICES.alarmMetricPerMonth * f);
  add('CloudWatch', 'dashboard (free: 3 of ≤ 50 metrics)', '1 dashboard', PRICES.dashboardPerMonth * f, over(1, FREE_TIER.dashboards) * PRICES.dashboardPerMonth * f);
  add('SQS', 'dead-letter queue (normally empty)', '< 1,000 req', 0.0004 * f, 0);
  add('SQS', `reminders queue (${fmt(pushes)} pushes, ${fmt(senderRuns)} sender runs)`, `${fmt(sqsRequests)} req`, (sqsRequests / 1e6) * PRICES.sqsPerMillion * f,
    (over(sqsRequests + 1000, FREE_TIER.sqsRequests) / 1e6) * PRICES.sqsPerMillion * f);
  add('SSM Parameter Store', 'VAPID key (standard SecureString, aws/ssm key)', '1 parameter', 0);
  // Made at deploy time by secretsmanager:GetRandomPassword (infra/constructs/origin-secret.ts), stored nowhere in
  // Secrets Manager (a stored secret: US$0.40 a month each): 3 generations of the origin secret, 3 of the ticket secret.
  add('Secrets Manager', 'origin and ticket secrets (deploy time only)', '6 values, 0 stored', 0);
  add('SNS', 'alarm e-mails', '< 100 e-mails', (100 / 1e5) * PRICES.snsEmailPer100k, 0);
  add('AWS Budgets', 'monthly budget', '1 budget', 30.4 * PRICES.budgetsPerBudgetDay, 0);
  if (u.waf) add('AWS WAF', 'web ACL, 1 rate-based rule, requests', `${fmt(cfRequests)} req`, wafMonthlyUsd(cfRequests));

  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    usage,
    items,
    listTotalUsd: round(items.reduce((s, i) => s + i.listUsd, 0)),
    totalUsd: round(items.reduce((s, i) => s + i.usd, 0)),
    traffic: { apelPerMonth, apiRequests, checkIns, headPolls, lambdaGbSeconds, cloudFrontRequests: cfRequests },
  };
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** The estimate as a table for a terminal. */
export function formatEstimate(e: CostEstimate): string {
  const u = e.usage;
  const money = (n: number) => `$${n.toFixed(2)}`;
  const rows = e.items.map((i) => [i.service, i.item, i.quantity, money(i.listUsd), money(i.usd)]);
  const header = ['service', 'item', 'quantity', 'list', 'after free tier'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c >= 3 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
  return [
    `Apel WFA — expected monthly AWS bill for ${u.asn.toLocaleString('en-US')} ASN (one stage)`,
    `  ${u.wfaDaysPerWeek} WFA days/week × ${u.apelPerDay} apel = ${e.traffic.apelPerMonth.toFixed(1)} apel/month; ` +
      `${fmt(e.traffic.checkIns)} check-ins; ${u.heads} heads polling every ${u.pollSeconds} s while a window is open ` +
      `(${fmt(e.traffic.headPolls)} polls); ${fmt(e.traffic.apiRequests)} API requests`,
    `  prices: ${PRICES.source}; × ${u.regionFactor} margin for Jakarta`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    line(widths.map((w) => '-'.repeat(w))),
    line(['total', '', '', money(e.listTotalUsd), money(e.totalUsd)]),
    '',
    '  "after free tier": what a regency account with one stage pays (AWS always-free tier: CloudWatch 10 metrics,',
    '  10 alarm metrics, 3 dashboards, 5 GB logs; Lambda 1 M requests and 400,000 GB-s; CloudFront 1 TB and 10 M',
    '  requests; 2 budgets). A second stage (uji) in the same account shares these allowances.',
    u.waf
      ? '  operations.waf is on: AWS WAF (web ACL US$5, rule US$1, US$0.60 per million requests) has no free tier.'
      : `  operations.waf is off; on, AWS WAF would add ${money(wafMonthlyUsd(e.traffic.cloudFrontRequests))} a month (web ACL US$5, rule US$1, US$0.60 per million requests; no free tier): npm run cost -- --waf`,
  ].join('\n');
}
