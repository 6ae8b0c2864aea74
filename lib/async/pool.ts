// Bounded concurrency for fan-out cloud calls: at most `limit` in flight, results in input order.
export const DEFAULT_CLOUD_CONCURRENCY = 8;

export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}

/**
 * One shared limiter, so that concurrent page renders together stay within the limit
 * instead of each taking `limit` slots of its own.
 */
export class Limiter {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  /** Waiting calls that go before every other waiting call, in their own order. */
  private readonly ahead: (() => void)[] = [];
  constructor(readonly limit: number) {}

  /**
   * `fn` once a slot is free. `first`: ahead of the calls already waiting, for a call that others
   * wait on (a list page whose items start many reads each).
   */
  async run<T>(fn: () => Promise<T>, opts?: { first?: boolean }): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => (opts?.first ? this.ahead : this.queue).push(resolve));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      (this.ahead.shift() ?? this.queue.shift())?.();
    }
  }
}
