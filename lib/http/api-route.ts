import "server-only";
import type { z } from "zod";
import { AppError } from "../errors/app-error";
import { rule } from "../errors/render";
import { fromZodError } from "../errors/from";
import { readBodyText, readFormFields } from "./body-limit";
import { errorResponse, NO_STORE } from "./error-response";

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/**
 * Wraps every route handler of app/api: one JSON error shape for any failure, and
 * `Cache-Control: no-store` on every answer unless the handler chose its own.
 */
export function apiRoute<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    let res: Response;
    try {
      res = await handler(req, ctx);
    } catch (err) {
      res = await errorResponse(err, req);
    }
    try {
      if (!res.headers.has("Cache-Control")) res.headers.set("Cache-Control", NO_STORE["Cache-Control"]);
    } catch {
      // Responses with immutable headers (Response.redirect) carry no account data.
    }
    return res;
  };
}

/** JSON with `no-store`: every answer of the API may hold account data. */
export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

/**
 * Reads a JSON body (or a form) and validates it; a body that is not JSON is an invalid_input naming
 * `body`, one past ROLESCOPE_MAX_BODY_BYTES a `payload_too_large` (see ./body-limit).
 */
export async function readInput<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  const raw = await readBodyValue(req);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

export async function readBodyValue(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
    try {
      return await readFormFields(req);
    } catch (err) {
      if (err instanceof AppError && err.code === "payload_too_large") throw err;
      throw AppError.invalid({ body: rule("readableForm") });
    }
  }
  const text = await readBodyText(req);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw AppError.invalid({ body: rule("json") });
  }
}

/** Validates URL query parameters; each bad one is named with its rule. */
export function readQuery<T extends z.ZodType>(url: URL | string, schema: T): z.infer<T> {
  const params = (typeof url === "string" ? new URL(url) : url).searchParams;
  const raw: Record<string, string> = {};
  for (const [k, v] of params) if (v !== "") raw[k] = v;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error, "query");
  return parsed.data;
}
