import type { Context } from 'aws-lambda';
import { writeLine } from './sink';

/**
 * Structured logs: one JSON line per event with `level`, `message`, `timestamp`,
 * `service` (the stack name, so two stages never mix), the Lambda request id and the
 * keys of the current request (route, API Gateway's request id), then the fields given.
 * The level comes from APEL_LOG_LEVEL (INFO on AWS: infra/constructs/apel-function.ts).
 *
 * Hand-written instead of Powertools Logger: these twenty lines are all the product used
 * of it, and Powertools Logger and Metrics were 10 kB of the 80 kB gzip budget of the
 * check-in bundle that every cold start at 07:30 loads (issue 13; README "Figures").
 * Fields are ids, codes and counts: never the event, its headers (the link token) or
 * personal data.
 */
const LEVELS = { DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40, SILENT: 99 } as const;
type Level = Exclude<keyof typeof LEVELS, 'SILENT'>;

function threshold(): number {
  const name = String(process.env.APEL_LOG_LEVEL ?? 'INFO').toUpperCase();
  return LEVELS[name as keyof typeof LEVELS] ?? LEVELS.INFO;
}

const service = process.env.APEL_SERVICE_NAME ?? 'apel-wfa-local';
const minimum = threshold();
let requestKeys: Record<string, unknown> = {};
let coldStart = true;

function emit(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (LEVELS[level] < minimum) return;
  const record = { level, message, timestamp: new Date().toISOString(), service, ...requestKeys, ...fields };
  writeLine(record, level === 'ERROR' ? 'error' : level === 'WARN' ? 'warn' : 'info');
}

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => emit('DEBUG', message, fields),
  info: (message: string, fields?: Record<string, unknown>) => emit('INFO', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => emit('WARN', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => emit('ERROR', message, fields),
  /** Keys every following line of this request carries, until the next request starts. */
  appendKeys: (keys: Record<string, unknown>) => void (requestKeys = { ...requestKeys, ...keys }),
  /**
   * Starts a request: forget the previous request's keys, add the Lambda context's ids.
   * The local server and the tests call handlers without a context: then only the keys.
   */
  startRequest: (context: Partial<Context> | undefined) => {
    requestKeys = context?.awsRequestId
      ? { function_request_id: context.awsRequestId, function_name: context.functionName, cold_start: coldStart }
      : {};
    if (context?.awsRequestId) coldStart = false;
  },
};
