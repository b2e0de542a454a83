import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An SQS endpoint for a deployed bundle (which carries its own SDK, so aws-sdk-client-mock
 * cannot reach it): answers SendMessageBatch in SQS's JSON protocol, with the MD5 of each
 * body the SDK checks, and keeps every message body. The queue URL it hands out is also
 * the endpoint (the SDK sends to the queue URL's host).
 */
export interface FakeSqs {
  queueUrl: string;
  bodies: unknown[];
  close(): Promise<void>;
}

export async function startFakeSqs(): Promise<FakeSqs> {
  const bodies: unknown[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      if (target !== 'AmazonSQS.SendMessageBatch') {
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify({ __type: 'InvalidAction', message: target }));
        return;
      }
      const input = JSON.parse(raw) as { Entries: { Id: string; MessageBody: string }[] };
      const successful = input.Entries.map((e) => {
        bodies.push(JSON.parse(e.MessageBody));
        return { Id: e.Id, MessageId: `m-${bodies.length}`, MD5OfMessageBody: createHash('md5').update(e.MessageBody).digest('hex') };
      });
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify({ Successful: successful, Failed: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    queueUrl: `http://127.0.0.1:${port}/123456789012/ApelWfa-assets-reminders`,
    bodies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
