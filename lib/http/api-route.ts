import "server-only";
import { z } from "zod";
import { authorizeRequest } from "../auth/session";
import type { Access } from "../auth/route-access";
import type { ConsoleUser } from "../actor";
import { assertCloudWritable } from "../cloud/read-only";
import { AppError } from "../errors/app-error";
import { rule } from "../errors/render";
import { fromZodError } from "../errors/from";
import { readBodyText, readFormFields } from "./body-limit";
import { errorResponse, NO_STORE } from "./error-response";

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema, Else> = S extends z.ZodType ? z.infer<S> : Else;

export interface RouteSpec<A extends Access, B extends Schema, Q extends Schema, P extends Schema> {
  permission: A;
  /** The JSON (or form) body; an unreadable or invalid one is `invalid_input` naming each field. */
  body?: B;
  /** The URL's query parameters, empty ones left out. */
  query?: Q;
  /** The dynamic segments of the path. */
  params?: P;
}

export interface RouteArgs<A extends Access, B extends Schema, Q extends Schema, P extends Schema> {
  req: Request;
  /** The signed-in user holding the permission; null on a public route (none is looked up). */
  actor: A extends "public" ? null : ConsoleUser;
  body: Parsed<B, undefined>;
  query: Parsed<Q, undefined>;
  params: Parsed<P, Record<string, string>>;
}

// Next checks a handler's second argument against the route's segments; every shape fits `unknown`.
type RouteContext = { params: Promise<unknown> };

/** An exported route handler, carrying the access it declared so tests can read it from the module. */
export type RouteHandler = ((req: Request, ctx: RouteContext) => Promise<Response>) & { readonly access: Access };

/**
 * Declares one handler of app/api: who may call it and what input it takes, stated once.
 * Before the handler runs: the caller is authorised (cross_origin, unauthenticated, forbidden,
 * each refusal audited), a `cloud:write` route is refused in read-only mode, then params, query
 * and body are validated in that order. Any failure answers the one JSON error shape; every
 * answer is `Cache-Control: no-store` unless the handler chose its own.
 *
 *   export const POST = apiRoute({ permission: "approvals:decide", body: approveSchema }, async ({ actor, body, params }) => …);
 */
export function apiRoute<A extends Access, B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined>(
  spec: RouteSpec<A, B, Q, P>,
  handler: (args: RouteArgs<A, B, Q, P>) => Promise<Response>,
): RouteHandler {
  const run = async (req: Request, ctx: RouteContext): Promise<Response> => {
    let res: Response;
    try {
      const actor = spec.permission === "public" ? null : await authorizeRequest(req, spec.permission);
      if (spec.permission === "cloud:write") assertCloudWritable();
      const rawParams = ((await ctx?.params) ?? {}) as Record<string, string>;
      const params = spec.params ? parseWith(spec.params, rawParams, "params") : rawParams;
      const query = spec.query ? readQuery(req.url, spec.query) : undefined;
      const body = spec.body ? await readInput(req, spec.body) : undefined;
      res = await handler({ req, actor, body, query, params } as RouteArgs<A, B, Q, P>);
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
  return Object.assign(run, { access: spec.permission });
}

/** JSON with `no-store`: every answer of the API may hold account data. */
export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

function parseWith<T extends z.ZodType>(schema: T, raw: unknown, fallback: string): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error, fallback);
  return parsed.data;
}

/** Reads a JSON body (or a form) and validates it; a body that is not JSON is an invalid_input naming `body`. */
async function readInput<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  return parseWith(schema, await readBodyValue(req), "body");
}

/** The one reader of request bodies: a form as its string fields, else JSON (an empty body is `{}`). */
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
function readQuery<T extends z.ZodType>(url: string, schema: T): z.infer<T> {
  const raw: Record<string, string> = {};
  for (const [k, v] of new URL(url).searchParams) if (v !== "") raw[k] = v;
  return parseWith(schema, raw, "query");
}
