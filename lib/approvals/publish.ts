import "server-only";
import type { ApprovalEvent, PassRoleRequestView } from "./types";

// The optional webhook (ROLESCOPE_WEBHOOK_URL): every event the console records about a request
// is also posted as JSON, after it has committed. Delivery is best effort — a few attempts, then
// a line in the log — and never holds up or fails the action that caused it.

export interface ApprovalMessage {
  event: `passrole.${ApprovalEvent}`;
  at: string;
  /** Console username, or `system` for the sweeper and start-up. */
  actor: string;
  request: PassRoleRequestView;
}

export interface WebhookOptions {
  attempts?: number;
  timeoutMs?: number;
  backoffMs?: number;
  log?: (line: string) => void;
  fetch?: typeof fetch;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function webhookPublisher(url: string | undefined, opts: WebhookOptions = {}): (m: ApprovalMessage) => Promise<void> {
  if (!url) return async () => {};
  const attempts = opts.attempts ?? 3;
  const send = opts.fetch ?? fetch;
  const log = opts.log ?? ((line: string) => console.warn(line));
  return async (message) => {
    let last = "";
    for (let i = 0; i < attempts; i++) {
      if (i > 0) await sleep((opts.backoffMs ?? 500) * 2 ** (i - 1));
      try {
        const res = await send(url, {
          method: "POST",
          headers: { "content-type": "application/json", "user-agent": "RoleScope" },
          body: JSON.stringify(message),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
        });
        if (res.ok) return;
        last = `HTTP ${res.status}`;
        if (res.status < 500 && res.status !== 429) break;
      } catch (err) {
        last = err instanceof Error ? err.name : "error";
      }
    }
    // The URL may carry a token of its own, so the log names the event, never the address.
    log(`[rolescope] webhook: ${message.event} for request ${message.request.id} was not delivered (${last}).`);
  };
}
