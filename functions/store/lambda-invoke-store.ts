/**
 * What a Lambda bundle has in place of `@aws/lambda-invoke-store` (infra/bundling.ts
 * aliases it here). The SDK's recursion-detection middleware asks it for the invocation's
 * trace id. The Lambda runtime publishes its own store on `globalThis.awslambda`; when it
 * does not, the original makes an empty one whose answers are all undefined, and the
 * middleware falls back to `_X_AMZN_TRACE_ID`. Returning the runtime's store or undefined
 * gives the same headers without 2 kB of store classes in every cold start.
 */
interface RuntimeInvokeStore {
  getXRayTraceId(): string | undefined;
  getTraceparent?(): string | undefined;
  getTracestate?(): string | undefined;
  getBaggage?(): string | undefined;
}

export const InvokeStore = {
  getInstanceAsync: async (): Promise<RuntimeInvokeStore | undefined> =>
    (globalThis as { awslambda?: { InvokeStore?: RuntimeInvokeStore } }).awslambda?.InvokeStore,
};
