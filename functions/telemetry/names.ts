/**
 * Names of the CloudWatch metrics the functions emit (functions/telemetry/metrics.ts, as
 * EMF log lines) and that the alarms and the dashboard (infra/constructs/monitoring.ts) read.
 * No imports, so the CDK app loads it without the function code.
 *
 * Every metric also has the dimension `service` = the stack name (APEL_SERVICE_NAME),
 * so two stages in one account never mix their figures.
 */
export const METRICS_NAMESPACE = 'ApelWfa';

export const METRIC = {
  /** Handler time of one API request in ms; dimension `route` (`POST /api/checkins`). */
  latency: 'Latency',
  /** A new check-in recorded; dimension `status` (hadir | terlambat), or `ulang` for a repeat. */
  checkIns: 'CheckIns',
  /** A request refused with a domain error; dimension `code` (e.g. SESI_SUDAH_DITUTUP). */
  refusals: 'Refusals',
  /** A request that failed with an unexpected error (answered 500). */
  serverErrors: 'ServerErrors',
  /** A request answered 401 (no link, or an unknown, revoked or replaced one): a flood of wrong tokens shows here. */
  unauthenticated: 'Unauthenticated',
  /**
   * A DynamoDB request of any function that DynamoDB throttled (each attempt: the SDK
   * retries, and what still fails is answered 503), or a batch it left partly unprocessed.
   */
  dynamoThrottled: 'DynamoDbThrottled',
  /** A sesi opened / closed by the schedule; dimension `slot`. */
  sesiOpened: 'SesiOpened',
  sesiClosed: 'SesiClosed',
} as const;

export const DIMENSION = {
  service: 'service',
  route: 'route',
  status: 'status',
  code: 'code',
  slot: 'slot',
} as const;

/** The route whose p99 latency is alarmed on: the hot path. */
export const CHECKIN_ROUTE = 'POST /api/checkins';
