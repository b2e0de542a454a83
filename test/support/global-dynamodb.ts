import type { TestProject } from 'vitest/node';
import { startEngine } from '../../functions/local/engine';
import { freePort } from '../../functions/local/free-port';

/** Starts one in-memory DynamoDB Local for the whole test run. */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const engine = await startEngine({ port });
  project.provide('dynamoEndpoint', engine.endpoint);
  return () => engine.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
