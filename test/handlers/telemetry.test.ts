import { afterEach, describe, expect, it, vi } from 'vitest';

/** The log and metric lines the functions print (functions/telemetry), read back as JSON. */
async function capture(env: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const lines: Record<string, any>[] = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((line: unknown) => void lines.push(JSON.parse(String(line))));
  }
  const { logger } = await import('../../functions/telemetry/log');
  const { metrics, countOutcome } = await import('../../functions/telemetry/metrics');
  return { lines, logger, metrics, countOutcome };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe('log lines', () => {
  it('carry level, message, service, the request keys and the fields, and drop lines below the level', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T07:15:00+08:00'));
    const { lines, logger } = await capture({ APEL_LOG_LEVEL: 'INFO', APEL_SERVICE_NAME: 'ApelWfa-uji' });

    logger.startRequest({ awsRequestId: 'req-1', functionName: 'fn' });
    logger.appendKeys({ route: 'POST /api/checkins' });
    logger.debug('answered', { status: 200 });
    logger.warn('dependency unavailable', { code: 'LAYANAN_SIBUK' });

    expect(lines).toEqual([
      {
        level: 'WARN', message: 'dependency unavailable', timestamp: '2026-11-29T23:15:00.000Z', service: 'ApelWfa-uji',
        function_request_id: 'req-1', function_name: 'fn', cold_start: true, route: 'POST /api/checkins', code: 'LAYANAN_SIBUK',
      },
    ]);
  });

  it('forget the previous request keys when the next request starts, and keep an error stack', async () => {
    const { lines, logger } = await capture({ APEL_LOG_LEVEL: 'DEBUG' });

    logger.startRequest({ awsRequestId: 'req-1' });
    logger.appendKeys({ route: 'GET /api/me' });
    logger.startRequest({ awsRequestId: 'req-2' });
    logger.error('unhandled error', { error: new TypeError('boom') });

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'ERROR', function_request_id: 'req-2', cold_start: false, error: { name: 'TypeError', message: 'boom' } });
    expect(lines[0]).not.toHaveProperty('route');
    expect(lines[0]!.error.stack).toContain('TypeError: boom');
  });
});

describe('metric lines (CloudWatch embedded metric format)', () => {
  it('publish the invocation metrics with service and the dimensions given, then start empty', async () => {
    const { lines, metrics } = await capture({ APEL_METRICS: 'on', APEL_SERVICE_NAME: 'ApelWfa-uji' });

    metrics.addDimension('route', 'POST /api/checkins');
    metrics.addMetric('Latency', 'Milliseconds', 12.5);
    metrics.addMetric('Latency', 'Milliseconds', 7);
    metrics.publish(1_764_000_000_000);
    metrics.publish();

    expect(lines).toEqual([
      {
        _aws: { Timestamp: 1_764_000_000_000, CloudWatchMetrics: [{ Namespace: 'ApelWfa', Dimensions: [['service', 'route']], Metrics: [{ Name: 'Latency', Unit: 'Milliseconds' }] }] },
        service: 'ApelWfa-uji', route: 'POST /api/checkins', Latency: [12.5, 7],
      },
    ]);
    expect(metrics.hasValues()).toBe(false);
  });

  it('count an outcome in its own line, and print nothing when metrics are off', async () => {
    const on = await capture({ APEL_METRICS: 'on' });
    on.countOutcome('Refusals', { code: 'SESI_SUDAH_DITUTUP' });
    expect(on.lines).toEqual([expect.objectContaining({ Refusals: 1, code: 'SESI_SUDAH_DITUTUP', service: 'apel-wfa-local' })]);
    expect(on.lines[0]!._aws.CloudWatchMetrics[0].Dimensions).toEqual([['service', 'code']]);

    vi.restoreAllMocks();
    const off = await capture({ APEL_METRICS: 'off' });
    off.countOutcome('Refusals', { code: 'SESI_SUDAH_DITUTUP' });
    off.metrics.addMetric('Latency', 'Milliseconds', 1);
    off.metrics.publish();
    expect(off.lines).toEqual([]);
  });
});
