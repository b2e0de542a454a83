/**
 * Where log and metric lines go. On Lambda straight to stdout, one JSON object per line,
 * because CloudWatch reads embedded-metric-format (EMF) lines only when the line is the
 * JSON itself: `console.log` on Lambda prefixes a timestamp, the request id and a level.
 * Under vitest (APEL_TELEMETRY_CONSOLE, set in vitest.config.ts) through `console`, so a
 * passing test stays quiet and a failing one shows its lines.
 */
export function writeLine(record: Record<string, unknown>, level: 'info' | 'warn' | 'error' = 'info'): void {
  const line = JSON.stringify(record, jsonSafe);
  if (process.env.APEL_TELEMETRY_CONSOLE === 'true') console[level](line);
  else process.stdout.write(`${line}\n`);
}

/** Errors keep their name, message and stack (JSON.stringify would give `{}`); bigints become strings. */
function jsonSafe(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (typeof value === 'bigint') return value.toString();
  return value;
}
