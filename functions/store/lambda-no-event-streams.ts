/**
 * What a Lambda bundle has in place of `@smithy/core/event-streams` (infra/bundling.ts
 * aliases it here). The SDK's HTTP protocol imports that module lazily, only for an
 * operation with an event stream, but a one-file bundle carries it anyway: 15 kB for
 * the check-in function to parse at every cold start. DynamoDB has no event-stream
 * operation, so nothing here is ever called; if a future client needed it, this says so.
 */
function unavailable(): never {
  throw new Error('Event streams are left out of the Lambda bundles (infra/bundling.ts): remove the alias to use them.');
}

export class EventStreamSerde {
  constructor() {
    unavailable();
  }
}

export const eventStreamSerdeProvider = (): never => unavailable();
