/** What the admin benchmarks share: timing one request, and stopping when an answer is wrong. */

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

/** A benchmark of a wrong answer measures nothing: stop with what was wrong. */
export function check(ok: boolean, what: string, detail: unknown): void {
  if (!ok) throw new Error(`${what}: ${JSON.stringify(detail).slice(0, 500)}`);
}
