/**
 * What a Lambda bundle has in place of `@aws-sdk/endpoint-cache` (infra/bundling.ts
 * aliases it here). The DynamoDB client builds one for endpoint discovery, which is off
 * unless AWS_ENABLE_ENDPOINT_DISCOVERY turns it on, and asks it for an endpoint on every
 * request. The original wraps `mnemonist`'s LRU cache: 6 kB of every cold start for a
 * cache that stays empty. This one has the same methods over a Map that keeps at most
 * `capacity` keys (the oldest written goes first), so it stays correct if discovery is
 * ever turned on.
 */
interface Endpoint {
  Address: string;
  Expires: number;
}

export class EndpointCache {
  private readonly cache = new Map<string, Endpoint[]>();

  constructor(private readonly capacity: number) {}

  getEndpoint(key: string): string | undefined {
    const endpoints = this.get(key);
    if (!endpoints || endpoints.length === 0) return undefined;
    return endpoints[Math.floor(Math.random() * endpoints.length)]!.Address;
  }

  get(key: string): Endpoint[] | undefined {
    const value = this.cache.get(key);
    if (!value || value.length === 0) return undefined;
    const now = Date.now();
    const live = value.filter((endpoint) => now < endpoint.Expires);
    if (live.length === 0) {
      this.delete(key);
      return undefined;
    }
    return live;
  }

  set(key: string, endpoints: { Address?: string; CachePeriodInMinutes?: number }[]): void {
    const now = Date.now();
    this.cache.delete(key);
    this.cache.set(key, endpoints.map(({ Address = '', CachePeriodInMinutes = 0 }) => ({ Address, Expires: now + CachePeriodInMinutes * 60_000 })));
    while (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value!);
  }

  delete(key: string): void {
    this.cache.set(key, []);
  }

  has(key: string): boolean {
    return (this.cache.get(key)?.length ?? 0) > 0;
  }

  clear(): void {
    this.cache.clear();
  }
}
