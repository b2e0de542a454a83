import { defineConfig } from 'vitest/config';

// Lambda runs nodejs22.x; this machine's Node 20 only triggers the SDK's upgrade notice.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
// Log and metric lines (functions/telemetry/sink.ts) go through `console` instead of straight
// to stdout, so a passing test stays quiet and a failing one shows its log lines.
process.env.APEL_TELEMETRY_CONSOLE ??= 'true';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One DynamoDB Local for the whole run; each test file gets its own table prefix.
    globalSetup: ['test/support/global-dynamodb.ts'],
    setupFiles: ['test/support/per-file-env.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Handlers log JSON lines as on Lambda; show them only for tests that fail.
    silent: 'passed-only',
  },
});
