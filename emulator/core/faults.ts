// Injected faults (latency, error rate) and per-operation call counts for the control API.
import { z } from "zod";
import { ApiError } from "./contract";

export const faultSchema = z.object({
  operation: z.string().min(1),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  errorCode: z.string().min(1).optional(),
  httpStatus: z.number().int().min(400).max(599).optional(),
});
export type Fault = z.infer<typeof faultSchema>;

export class Faults {
  private readonly byOperation = new Map<string, Fault>();
  private calls: Record<string, number> = {};
  private readonly now: () => Date;
  private readonly random: () => number;
  private since: Date;

  constructor(o: { random?: () => number; now?: () => Date } = {}) {
    this.random = o.random ?? Math.random;
    this.now = o.now ?? (() => new Date());
    this.since = this.now();
  }

  set(f: Fault): void {
    this.byOperation.set(f.operation, f);
  }
  clear(): void {
    this.byOperation.clear();
  }
  list(): Fault[] {
    return [...this.byOperation.values()];
  }

  count(operation: string): void {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
  }
  stats(): { since: string; total: number; calls: Record<string, number> } {
    const total = Object.values(this.calls).reduce((a, b) => a + b, 0);
    return { since: this.since.toISOString(), total, calls: { ...this.calls } };
  }
  resetStats(): void {
    this.calls = {};
    this.since = this.now();
  }

  /** Waits the configured latency, then throws the configured error at the configured rate. */
  async apply(operation: string): Promise<void> {
    const f = this.byOperation.get(operation) ?? this.byOperation.get("*");
    if (!f) return;
    if (f.latencyMs) await new Promise((r) => setTimeout(r, f.latencyMs));
    if (f.errorRate && this.random() < f.errorRate) {
      const code = f.errorCode ?? "Throttling.User";
      const status = f.httpStatus ?? (code.includes("Throttling") ? 400 : 500);
      const message = code.includes("Throttling") ? "Request was denied due to user flow control." : "The request processing has failed due to some unknown error.";
      throw new ApiError(status, code, message);
    }
  }
}
