import "server-only";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/config";
import { renderKey } from "../errors/render";
import type { ApprovalEvent, PassRoleRequestView } from "./types";

// The optional webhook (ROLESCOPE_WEBHOOK_URL): every event the console records about a request
// is also posted as JSON, after it has committed. Delivery is best effort — a few attempts, then
// a line in the log — and never holds up or fails the action that caused it. Beside the
// event's codes it carries `text`, the sentence the in-app notice says, in the language the
// console is set to speak to its webhook (ROLESCOPE_WEBHOOK_LOCALE): one URL has no reader of
// its own whose language the console could know.

export interface ApprovalMessage {
  event: `passrole.${ApprovalEvent}`;
  at: string;
  /** Console username, or `system` for the sweeper and start-up. */
  actor: string;
  request: PassRoleRequestView;
}

/** What the endpoint receives: the event and, for a person reading it in a chat, its sentence. */
export type WebhookBody = ApprovalMessage & { text: string };

export interface WebhookOptions {
  /** The language of `text`; the codes and keys are the same in every language. */
  locale?: Locale;
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
  const locale = opts.locale ?? DEFAULT_LOCALE;
  return async (message) => {
    const body: WebhookBody = { ...message, text: webhookText(locale, message) };
    let last = "";
    for (let i = 0; i < attempts; i++) {
      if (i > 0) await sleep((opts.backoffMs ?? 500) * 2 ** (i - 1));
      try {
        const res = await send(url, {
          method: "POST",
          headers: { "content-type": "application/json", "user-agent": "RoleScope" },
          body: JSON.stringify(body),
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

/** The event in a sentence, as the requester's Updates list says it (`approvals.events.<event>`). */
export function webhookText(locale: Locale, m: ApprovalMessage): string {
  const event = m.event.slice("passrole.".length);
  return renderKey(locale, `approvals.events.${event}`, { actor: m.actor, role: m.request.roleName, user: m.request.ramUser });
}
