import { Annotations, Duration, Stack, Tags } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  SingleValueWidget,
  Stats,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { CHECKIN_ROUTE, DIMENSION, METRIC, METRICS_NAMESPACE } from '../../functions/telemetry/names';
import { acknowledge } from '../nag';

export interface MonitoringProps {
  /** Every Lambda function of the stack, by role; each gets a dashboard line (the error alarm watches the whole region). */
  readonly functions: Readonly<Record<string, IFunction>>;
  /** Every table of the stack, by key; each gets a dashboard line (the functions report throttling themselves). */
  readonly tables: Readonly<Record<string, { readonly table: ITable }>>;
  readonly api: IHttpApi;
  /** Scheduled invocations that failed after every retry (an apel not opened or not closed). */
  readonly deadLetterQueue: IQueue;
  /** Who gets alarm e-mails; without it the stack warns and nobody is told. */
  readonly alarmEmail?: string;
}

/** Runbook sections named in alarm descriptions. */
const RUNBOOK = 'docs/operations.md';
const FIVE_MINUTES = Duration.minutes(5);
/**
 * 401 answers in 5 minutes that raise the flood alarm: far more than the people who still
 * open an old link after their links were issued again (each such page asks once), far
 * fewer than a script trying tokens (2,000 in a minute in the attack of issue 13).
 */
export const UNAUTHENTICATED_PER_5_MINUTES = 100;

/**
 * What tells the IT office that something is wrong before the apel does: an SNS topic
 * that e-mails a person, alarms, and a dashboard of today's apel (the monthly budget is
 * its own stack in us-east-1: infra/budget-stack.ts).
 * The alarms watch region-wide and app-wide metrics and the dashboard loops over
 * functions and tables, so one added to the stack is watched with no change here, for
 * at most 10 alarm metrics (the always-free tier; functions/cli/cost-model.ts
 * ALARM_METRICS lists them). Every name that AWS keeps per account (dashboard, alarms)
 * starts with the stack name, so `uji` and `prod` live side by side.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;
  private readonly stackName: string;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.stackName = Stack.of(this).stackName;

    this.topic = new Topic(this, 'AlarmTopic', {
      displayName: `Apel WFA alarm (${this.stackName})`,
      enforceSSL: true,
    });
    acknowledge(this.topic, 'AwsSolutions-SNS2',
      'Alarm notices carry only an alarm name and a metric value, no personal data. CloudWatch alarms cannot publish ' +
        'to a topic encrypted with the AWS-managed aws/sns key, and a customer-managed KMS key costs US$1 a month, ' +
        'a fifth of the default budget.');
    if (props.alarmEmail) {
      this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    } else {
      Annotations.of(this).addWarningV2(
        'apel:operations-alarm-email',
        'No operations.alarmEmail in apel.config.json: alarms will reach nobody. ' +
          'Set it (e.g. "it@kabupaten.go.id") and deploy again; AWS sends that address a confirmation e-mail.',
      );
    }

    // Alarms are billed per metric (10 free per account): each alarm below watches one
    // metric that covers a whole class of failure, of every function and table including
    // ones added later, instead of one metric per function and two per table.
    this.scheduleAlarm(props.deadLetterQueue);
    this.apiAlarms(props.api);
    this.lambdaAlarms();
    this.appAlarms();

    this.dashboard = this.createDashboard(props);
  }

  /** Custom metric of functions/telemetry, in this stage's `service`. */
  private appMetric(metricName: string, dimensions: Record<string, string>, statistic: string, label?: string): Metric {
    return new Metric({
      namespace: METRICS_NAMESPACE,
      metricName,
      dimensionsMap: { [DIMENSION.service]: this.stackName, ...dimensions },
      statistic,
      period: FIVE_MINUTES,
      ...(label ? { label } : {}),
    });
  }

  /** A SEARCH over one custom metric of this stage, one line per value of `dimension`. */
  private searchMetric(metricName: string, dimension: string, statistic: string, label: string): MathExpression {
    return new MathExpression({
      expression: `SEARCH('{${METRICS_NAMESPACE},${DIMENSION.service},${dimension}} MetricName="${metricName}" ${DIMENSION.service}="${this.stackName}"', '${statistic}', 300)`,
      usingMetrics: {},
      label,
      period: FIVE_MINUTES,
    });
  }

  private alarm(id: string, name: string, description: string, metric: IMetric, threshold: number, evaluationPeriods = 1): Alarm {
    const alarm = new Alarm(this, id, {
      alarmName: `${this.stackName} ${name}`,
      alarmDescription: `${description} Lihat ${RUNBOOK}.`,
      metric,
      threshold,
      evaluationPeriods,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No traffic (most of the week) is normal, not a reason to alarm.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }

  /** The most important one: EventBridge Scheduler and Lambda gave up opening or closing an apel. */
  private scheduleAlarm(queue: IQueue): void {
    this.alarm(
      'ScheduleFailedAlarm',
      'jadwal apel gagal (dead-letter queue)',
      'Sebuah apel gagal dibuka atau ditutup setelah semua percobaan ulang: pesan ada di dead-letter queue. ' +
        'Jalankan ulang pembukaan/penutupan dengan tangan (bagian "Jadwal gagal").',
      queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: Stats.MAXIMUM }),
      1,
    );
  }

  private apiAlarms(api: IHttpApi): void {
    this.alarm(
      'Api5xxAlarm',
      'API 5xx',
      'API menjawab 5xx (kesalahan server, Lambda gagal, atau DynamoDB sibuk) 5 kali atau lebih dalam 5 menit.',
      api.metricServerError({ period: FIVE_MINUTES, statistic: Stats.SUM }),
      5,
    );
    this.alarm(
      'CheckinLatencyAlarm',
      'check-in p99 lambat',
      'Persentil 99 waktu check-in di atas 1 detik selama 10 menit: cek throttling DynamoDB dan Lambda di dasbor.',
      this.appMetric(METRIC.latency, { [DIMENSION.route]: CHECKIN_ROUTE }, Stats.p(99)),
      1000,
      2,
    );
  }

  /**
   * Lambda's region-wide metrics (no dimension: every function of the region, of every
   * stage): errors (a crash, a time-out, running out of memory, a failed scheduled run,
   * which the dead-letter queue only sees after every retry) and throttles (the
   * account's concurrency limit, which all functions share since none reserves any).
   * The dashboard shows which function it was.
   */
  private lambdaAlarms(): void {
    this.alarm(
      'LambdaErrorsAlarm',
      'Lambda error',
      'Sebuah fungsi Lambda di region ini gagal (error, time-out, kehabisan memori, jadwal apel yang gagal). ' +
        'Grafik "Lambda: error per fungsi" di dasbor menunjukkan fungsinya (bisa juga fungsi tahap lain, mis. uji, di akun yang sama).',
      LambdaFunction.metricAllErrors({ period: FIVE_MINUTES, statistic: Stats.SUM }),
      1,
    );
    this.alarm(
      'LambdaThrottlesAlarm',
      'Lambda throttled',
      'Lambda menolak pemanggilan karena batas konkurensi akun di region ini habis (semua fungsi berbagi batas itu). ' +
        'Minta kenaikan kuota "Concurrent executions" di Service Quotas.',
      LambdaFunction.metricAllThrottles({ period: FIVE_MINUTES, statistic: Stats.SUM }),
      1,
    );
  }

  /** Metrics the functions emit themselves (functions/telemetry/names.ts), in this stage's `service`. */
  private appAlarms(): void {
    this.alarm(
      'ServerErrorsAlarm',
      'kesalahan server',
      'Aplikasi menjawab 500 karena kesalahan yang tidak terduga (bug): log fungsi di CloudWatch memuat barisnya ("unhandled error").',
      this.appMetric(METRIC.serverErrors, {}, Stats.SUM),
      1,
    );
    this.alarm(
      'DynamoDbThrottledAlarm',
      'DynamoDB throttled',
      'DynamoDB menahan (throttle) permintaan sebuah fungsi ke salah satu tabel; SDK mencoba ulang, yang tetap gagal dijawab 503. ' +
        'Grafik "DynamoDB: throttle per tabel" di dasbor menunjukkan tabelnya.',
      this.appMetric(METRIC.dynamoThrottled, {}, Stats.SUM),
      1,
    );
    this.alarm(
      'UnauthenticatedAlarm',
      'banyak 401 (tautan salah)',
      `API menjawab 401 (tanpa tautan, atau tautan tidak dikenal, dicabut, diganti) ${UNAUTHENTICATED_PER_5_MINUTES} kali atau lebih dalam 5 menit: ` +
        'mungkin ada yang mencoba-coba token (banjir permintaan), atau banyak orang memakai tautan lama setelah tautan diterbitkan ulang.',
      this.appMetric(METRIC.unauthenticated, {}, Stats.SUM),
      UNAUTHENTICATED_PER_5_MINUTES,
    );
  }

  /** Today's apel at a glance: the last 12 hours, check-ins, refusals, latency, errors. */
  private createDashboard(props: MonitoringProps): Dashboard {
    const dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${this.stackName}-apel-hari-ini`,
      start: '-PT12H',
    });
    // Tags on dashboards are newer than cfn-lint 1.51's schema (E3002 there); the stage is
    // in the dashboard's name already, so it carries no app/stage tags.
    for (const key of ['app', 'stage']) Tags.of(dashboard).remove(key);
    const checkIns = (status: string) => this.appMetric(METRIC.checkIns, { [DIMENSION.status]: status }, Stats.SUM, status);
    dashboard.addWidgets(
      new TextWidget({
        markdown: `# Apel WFA — ${this.stackName}\nCheck-in, penolakan dan kesalahan 12 jam terakhir. Alarm dikirim ke topik SNS ${'`'}AlarmTopic${'`'}; langkah pemulihan di ${RUNBOOK}.`,
        width: 24,
        height: 2,
      }),
    );
    dashboard.addWidgets(
      new SingleValueWidget({
        title: 'Check-in (rentang dasbor)',
        metrics: [checkIns('hadir'), checkIns('terlambat'), checkIns('ulang')],
        setPeriodToTimeRange: true,
        width: 8,
      }),
      new SingleValueWidget({
        title: 'Sesi dibuka / ditutup',
        metrics: [
          this.appMetric(METRIC.sesiOpened, { [DIMENSION.slot]: 'pagi' }, Stats.SUM, 'dibuka pagi'),
          this.appMetric(METRIC.sesiClosed, { [DIMENSION.slot]: 'pagi' }, Stats.SUM, 'ditutup pagi'),
          this.appMetric(METRIC.sesiOpened, { [DIMENSION.slot]: 'sore' }, Stats.SUM, 'dibuka sore'),
          this.appMetric(METRIC.sesiClosed, { [DIMENSION.slot]: 'sore' }, Stats.SUM, 'ditutup sore'),
        ],
        setPeriodToTimeRange: true,
        width: 10,
      }),
      new SingleValueWidget({
        title: 'Jadwal gagal (DLQ)',
        metrics: [props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ statistic: Stats.MAXIMUM })],
        width: 6,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Check-in per 5 menit, menurut status',
        left: [checkIns('hadir'), checkIns('terlambat'), checkIns('ulang')],
        stacked: true,
        width: 12,
      }),
      new GraphWidget({
        title: 'Penolakan menurut kode',
        left: [this.searchMetric(METRIC.refusals, DIMENSION.code, 'Sum', 'penolakan')],
        width: 12,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Waktu check-in (ms)',
        left: [
          this.appMetric(METRIC.latency, { [DIMENSION.route]: CHECKIN_ROUTE }, Stats.p(50), 'p50'),
          this.appMetric(METRIC.latency, { [DIMENSION.route]: CHECKIN_ROUTE }, Stats.p(99), 'p99'),
        ],
        width: 12,
      }),
      new GraphWidget({
        title: 'p99 per rute (ms)',
        left: [this.searchMetric(METRIC.latency, DIMENSION.route, 'p99', 'p99')],
        width: 12,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Aplikasi: 401, kesalahan server, DynamoDB throttled',
        left: [
          this.appMetric(METRIC.unauthenticated, {}, Stats.SUM, '401 (tautan salah)'),
          this.appMetric(METRIC.serverErrors, {}, Stats.SUM, 'kesalahan server'),
          this.appMetric(METRIC.dynamoThrottled, {}, Stats.SUM, 'DynamoDB throttled'),
        ],
        width: 6,
      }),
      new GraphWidget({
        title: 'API: permintaan, 4xx, 5xx',
        left: [props.api.metricCount({ period: FIVE_MINUTES })],
        right: [props.api.metricClientError({ period: FIVE_MINUTES }), props.api.metricServerError({ period: FIVE_MINUTES })],
        width: 6,
      }),
      new GraphWidget({
        title: 'Lambda: error per fungsi, throttle di region',
        left: Object.entries(props.functions).map(([key, fn]) =>
          fn.metricErrors({ period: FIVE_MINUTES, statistic: Stats.SUM, label: `${key} error` }),
        ),
        right: [LambdaFunction.metricAllThrottles({ period: FIVE_MINUTES, statistic: Stats.SUM, label: 'throttle (region)' })],
        width: 6,
      }),
      new GraphWidget({
        title: 'DynamoDB: throttle per tabel',
        left: Object.entries(props.tables).flatMap(([key, { table }]) => [
          table.metric('ReadThrottleEvents', { period: FIVE_MINUTES, statistic: Stats.SUM, label: `${key} read` }),
          table.metric('WriteThrottleEvents', { period: FIVE_MINUTES, statistic: Stats.SUM, label: `${key} write` }),
        ]),
        width: 6,
      }),
    );
    return dashboard;
  }
}
