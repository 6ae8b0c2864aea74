// The console's JSON error body, `{ error: { code, message, fields?, cloud?: { code, requestId },
// reference? } }`. Read by hand, not with zod, to keep a schema library out of every page's
// browser bundle.
import type { DenialNote } from "./states";

type Loose = Record<string, unknown>;
const record = (v: unknown): Loose | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Loose) : undefined);
const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function textRecord(v: unknown): Record<string, string> | undefined {
  const r = record(v);
  if (!r) return undefined;
  const out = Object.fromEntries(Object.entries(r).filter((e): e is [string, string] => typeof e[1] === "string"));
  return Object.keys(out).length > 0 ? out : undefined;
}

function denialOf(v: unknown): DenialNote | undefined {
  const r = record(v);
  const title = text(r?.title);
  const body = text(r?.text);
  if (!r || !title || !body) return undefined;
  const link = (l: unknown) => {
    const x = record(l);
    const label = text(x?.label);
    const href = text(x?.href);
    return label && href ? { label, href } : undefined;
  };
  const links = Array.isArray(r.links) ? r.links.map(link).filter((l): l is { label: string; href: string } => l !== undefined) : [];
  const open = link(r.open);
  return { title, text: body, decoded: r.decoded === true, links, ...(open ? { open } : {}) };
}

/** A failed call to a console route handler, with everything its error state can show. */
export class ApiCallError extends Error {
  /** The console's stable code (`not_found`). */
  readonly code: string;
  /** The cloud's own code (`EntityNotExist.Role`) when the failure came from the cloud. */
  readonly cloudCode?: string;
  readonly requestId?: string;
  readonly fields?: Record<string, string>;
  /** Where the server log keeps the full error. */
  readonly reference?: string;
  /** Why the cloud refused the console's call, as the server worded it. */
  readonly denial?: DenialNote;

  constructor(readonly status: number, init: { code: string; message: string; cloudCode?: string; requestId?: string; fields?: Record<string, string>; reference?: string; denial?: DenialNote }) {
    super(init.message);
    this.code = init.code;
    this.cloudCode = init.cloudCode;
    this.requestId = init.requestId;
    this.fields = init.fields;
    this.reference = init.reference;
    this.denial = init.denial;
  }

  /** The code a person looks up: the cloud's when there is one. */
  get shownCode(): string {
    return this.cloudCode ?? this.code;
  }
}

/** Reads a failed response's body into an ApiCallError. */
export function apiCallError(status: number, statusText: string, body: unknown): ApiCallError {
  const err = record(record(body)?.error) ?? {};
  const cloud = record(err.cloud) ?? {};
  return new ApiCallError(status, {
    code: text(err.code) ?? `HTTP ${status}`,
    message: text(err.message) ?? statusText,
    cloudCode: text(cloud.code),
    requestId: text(cloud.requestId),
    fields: textRecord(err.fields),
    reference: text(err.reference),
    denial: denialOf(cloud.denial),
  });
}

async function send<T>(url: string, init: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { accept: "application/json", ...init.headers } });
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw apiCallError(res.status, res.statusText, body);
  return body as T;
}

export function fetchJson<T>(url: string): Promise<T> {
  return send<T>(url, {});
}

/** A JSON write; resolves with the response body, or rejects with an ApiCallError. */
export function sendJson<T = unknown>(url: string, method: "POST" | "PATCH" | "PUT" | "DELETE", body?: unknown): Promise<T> {
  return send<T>(url, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
}
