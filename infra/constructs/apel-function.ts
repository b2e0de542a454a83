import { join } from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import type { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { ApelConfig } from '../../functions/core/config';
import type { FunctionSpec, TableAccess } from '../../functions/manifest';
import { METRICS_NAMESPACE } from '../../functions/telemetry/names';
import { esbuildOptions } from '../bundling';
import { acknowledge, arnRef } from '../nag';
import { HANDLERS_DIR, LOCK_FILE, REPO_ROOT } from '../paths';
import type { DataTable } from './data-tables';

export interface ApelFunctionProps {
  /** The function's entry of functions/manifest.ts: handler, description, memory, time-out. */
  readonly spec: FunctionSpec;
  /** Passed as `APEL_CONFIG`, so functions and stack read the same validated config. */
  readonly config: ApelConfig;
}

/**
 * The one Lambda construct of Apel WFA. Every function gets the same runtime,
 * architecture, log retention and bundling; what differs is its manifest entry
 * (handler, memory, time-out) and the tables it may touch, granted one by one with
 * `bindTable` (read-only by default).
 */
export class ApelFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, { spec, config }: ApelFunctionProps) {
    // An explicit log group, so retention is set (the implicit one keeps logs forever).
    // Removal is left at RETAIN: logs of a deleted stack may still be needed and
    // expire by themselves after the retention period.
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.THREE_MONTHS });

    super(scope, id, {
      entry: join(HANDLERS_DIR, `${spec.entry}.ts`),
      handler: 'handler',
      description: spec.description,
      runtime: Runtime.NODEJS_22_X,
      // Graviton: cheaper per GB-second and at least as fast for this JSON-and-I/O work.
      architecture: Architecture.ARM_64,
      memorySize: spec.memoryMb,
      timeout: Duration.seconds(spec.timeoutSeconds),
      logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        APEL_CONFIG: JSON.stringify(config),
        // functions/telemetry: JSON logs at INFO with the request id, EMF metrics in
        // this stage's `service`, so uji and prod never mix their figures.
        APEL_SERVICE_NAME: Stack.of(scope).stackName,
        APEL_METRICS_NAMESPACE: METRICS_NAMESPACE,
        APEL_METRICS: 'on',
        APEL_LOG_LEVEL: 'INFO',
      },
      projectRoot: REPO_ROOT,
      depsLockFilePath: LOCK_FILE,
      // Same options as infra/bundling.ts (and thus the benchmark); local esbuild, no Docker.
      bundling: {
        minify: esbuildOptions.minify,
        sourceMap: esbuildOptions.sourcemap,
        sourcesContent: esbuildOptions.sourcesContent,
        target: esbuildOptions.target,
        format: OutputFormat.ESM,
        mainFields: esbuildOptions.mainFields,
        banner: esbuildOptions.banner.js,
        externalModules: esbuildOptions.external,
        esbuildArgs: { '--alias': Object.entries(esbuildOptions.alias).map(([from, to]) => `${from}=${to}`) },
        forceDockerBundling: false,
      },
    });

    acknowledge(this, 'AwsSolutions-L1',
      'Pinned to nodejs22.x on purpose: the bundles are built for node22 (infra/bundling.ts) and tested on it; ' +
        'moving to a newer runtime is a deliberate change of both, not something to follow automatically.');
    acknowledge(this, 'AwsSolutions-IAM4',
      'AWSLambdaBasicExecutionRole only allows writing this function\'s own logs; AWS maintains it.',
      ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']);
  }

  /**
   * Lets this function use a table: sets the env var its store reads the table name
   * from and grants read-only access unless more is asked for explicitly.
   */
  bindTable({ def, table }: DataTable, access: TableAccess = 'RO'): this {
    this.addEnvironment(def.envVar, table.tableName);
    // CDK grants table access on `<table>/index/*` too: the function may query the
    // table's own indexes, which keys and access patterns in functions/store/tables.ts define.
    acknowledge(this, 'AwsSolutions-IAM5',
      `Queries on the indexes of the ${def.id} table it is bound to (grant on its own index ARNs only).`,
      [`Resource::${arnRef(table.node.defaultChild as CfnTable)}/index/*`]);
    if (access === 'RW') {
      table.grantReadWriteData(this);
    } else {
      table.grantReadData(this);
      if (access === 'RO+PUT') table.grant(this, 'dynamodb:PutItem');
      if (access === 'RO+UPDATE') table.grant(this, 'dynamodb:UpdateItem');
    }
    return this;
  }
}
