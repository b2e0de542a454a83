import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startEngine } from '../../functions/local/engine';

/** Starts one in-memory DynamoDB Local for the whole test run. */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const engine = await startEngine({ port });
  project.provide('dynamoEndpoint', engine.endpoint);
  return () => engine.stop();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
