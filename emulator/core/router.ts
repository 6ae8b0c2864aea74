// One request: control API and credentials URI (loopback only), EAS by path, RAM and STS by action.
import type { IncomingMessage, ServerResponse } from "node:http";
import { lookupEvents } from "../activity/lookup-events";
import { recordCall, type CallFacts } from "../activity/record";
import { RAM_OPERATIONS, RESOURCE_MANAGER_OPERATIONS } from "../ram/operations";
import { STS_OPERATIONS } from "../sts/operations";
import type { EmulatorApp } from "./app";
import { authenticate } from "./auth/authenticate";
import { decodeQuery } from "./auth/encode";
import { baseContext, requirePermission } from "./authorize";
import { ApiError, type Caller } from "./contract";
import { handleControl } from "./control";
import { credentialsForRole } from "./credentials-endpoint";
import { ACTIONTRAIL_VERSION, RAM_HOST_ID, RAM_VERSION, RESOURCE_MANAGER_HOST_ID, RESOURCE_MANAGER_VERSION, STS_HOST_ID, STS_VERSION } from "./defaults";
import { errorBody, isLoopback, newRequestId, readBody, sendJson } from "./http";

export interface Arrival {
  region: string;
  base: boolean;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

const peerIp = (req: IncomingMessage) => (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");

export async function route(app: EmulatorApp, req: IncomingMessage, res: ServerResponse, at: Arrival): Promise<void> {
  const requestId = newRequestId();
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const rawPath = q < 0 ? url : url.slice(0, q);
  const query = decodeQuery(q < 0 ? "" : url.slice(q + 1));
  const method = req.method ?? "GET";
  let hostId = RAM_HOST_ID;
  let caller: Caller | undefined;
  let call: Omit<CallFacts, "errorCode" | "errorMessage"> | undefined;
  try {
    if (at.base && rawPath.startsWith("/_emulator/")) {
      if (!isLoopback(req.socket.remoteAddress)) throw new ApiError(403, "Forbidden", "The control API answers loopback clients only.");
      const body = await readBody(req);
      const out = await handleControl(app, method, rawPath, body.toString("utf8"));
      sendJson(res, out.status, out.body);
      return;
    }
    if (at.base && method === "GET" && (rawPath === "/credentials" || rawPath.startsWith("/credentials/"))) {
      if (!isLoopback(req.socket.remoteAddress)) throw new ApiError(403, "Forbidden", "The credentials endpoint answers loopback clients only.");
      const role = rawPath === "/credentials" ? app.opts.credentialsRole : decodeURIComponent(rawPath.slice("/credentials/".length));
      const now = app.now();
      const out = credentialsForRole(app.store, role, now, baseContext(now, peerIp(req)), app.opts.credentialsTtlSeconds);
      const assumed = out.status === 200 && role ? app.store.findRole(role) : undefined;
      if (assumed) {
        // What the platform's AssumeRole hands out is a session of the role: its first event.
        const session: Caller = { kind: "assumed-role", accountId: app.store.accountId, accessKeyId: String(out.body.AccessKeyId), roleName: assumed.roleName, roleId: assumed.roleId, sessionName: "eas-instance" };
        recordCall(app.activity, session, { service: "sts", action: "AssumeRole", resource: assumed.arn, region: app.opts.regions[0], requestId, sourceIp: peerIp(req) }, now);
        app.activityChanged();
      }
      sendJson(res, out.status, out.body);
      return;
    }

    const body = await readBody(req);
    // RPC clients may send every parameter, the signature's too, in a form-encoded body.
    const form = formParams(req, body);
    const params = { ...query, ...form };
    const action = header(req, "x-acs-action") ?? params.Action ?? "";
    const version = header(req, "x-acs-version") ?? params.Version ?? "";
    const isEas = rawPath.startsWith("/api/v2/");
    if (isEas) hostId = `pai-eas.${at.region}.aliyuncs.com`;
    else if (version === ACTIONTRAIL_VERSION) hostId = `actiontrail.${at.region}.aliyuncs.com`;
    else if (version === STS_VERSION) hostId = STS_HOST_ID;
    else if (version === RESOURCE_MANAGER_VERSION) hostId = RESOURCE_MANAGER_HOST_ID;
    const operation = isEas ? action || "EAS" : action;

    app.faults.count(operation || "Unknown");
    await app.faults.apply(operation);
    const now = app.now();
    caller = authenticate({ method, rawPath, query, form, headers: req.headers, body }, app.store, now);
    const context = baseContext(now, peerIp(req));
    call = { ...callTarget(app, isEas, action, version, params, rawPath, at.region), region: at.region, requestId, sourceIp: peerIp(req) };

    if (isEas) {
      const out = app.eas.handle(
        { method, pathname: rawPath, query, body: body.toString("utf8") },
        { region: at.region, caller, ram: app.ram, requestId, now: app.now, markDirty: () => app.store.markDirty() },
      );
      noteCall(app, caller, call, out.status >= 400 ? { code: String(out.body.Code ?? out.status), message: String(out.body.Message ?? "") } : undefined);
      sendJson(res, out.status, { RequestId: requestId, ...out.body });
      return;
    }
    const answer = dispatch(app, action, version, params, caller, context, now, at.region);
    noteCall(app, caller, call);
    sendJson(res, 200, { RequestId: requestId, ...answer });
  } catch (e) {
    const err = e instanceof ApiError ? e : internal(e, app);
    if (call) noteCall(app, caller, call, { code: err.code, message: err.message });
    sendJson(res, err.status, errorBody(err, requestId, hostId));
  }
}

/** A call signed with a role's STS credentials is an event of that session, failed calls too. */
function noteCall(app: EmulatorApp, caller: Caller | undefined, call: Omit<CallFacts, "errorCode" | "errorMessage">, error?: { code: string; message: string }): void {
  if (caller?.kind !== "assumed-role") return;
  recordCall(app.activity, caller, { ...call, ...(error ? { errorCode: error.code, errorMessage: error.message } : {}) }, app.now());
  app.activityChanged();
}

/** The service, API name and resource an event records for a served call. */
function callTarget(app: EmulatorApp, isEas: boolean, action: string, version: string, params: Record<string, string>, rawPath: string, region: string): { service: string; action: string; resource: string } {
  const uid = app.store.accountId;
  if (isEas) {
    const [, , , , , name] = rawPath.split("/").map((p) => decodeURIComponent(p));
    return { service: "eas", action: action || "EAS", resource: name ? `acs:eas:${region}:${uid}:service/${name}` : `acs:eas:${region}:${uid}:service/*` };
  }
  if (version === STS_VERSION) return { service: "sts", action, resource: params.RoleArn ?? "*" };
  if (version === ACTIONTRAIL_VERSION) return { service: "actiontrail", action, resource: "*" };
  const op = Object.hasOwn(RAM_OPERATIONS, action) ? RAM_OPERATIONS[action] : undefined;
  let resource = "*";
  try {
    resource = op ? op.resource(params, uid) : "*";
  } catch {
    // A request too malformed to name its resource still is an event, on "*".
  }
  return { service: "ram", action, resource };
}

function dispatch(
  app: EmulatorApp,
  action: string,
  version: string,
  params: Record<string, string>,
  caller: Caller,
  context: ReturnType<typeof baseContext>,
  now: Date,
  region: string,
): Record<string, unknown> {
  const ram = version === RAM_VERSION || (version === RESOURCE_MANAGER_VERSION && RESOURCE_MANAGER_OPERATIONS.has(action));
  if (ram && Object.hasOwn(RAM_OPERATIONS, action)) {
    const op = RAM_OPERATIONS[action];
    requirePermission(app.store, caller, `ram:${action}`, op.resource(params, app.store.accountId), { ...context, ...op.context?.(params) });
    return op.handler(params, { store: app.store, now, caller });
  }
  if (version === RAM_VERSION && (action === "GenerateServiceLastAccessedDetails" || action === "GetServiceLastAccessedDetails")) {
    requirePermission(app.store, caller, `ram:${action}`, "*", context);
    return action === "GenerateServiceLastAccessedDetails"
      ? app.accessReports.generate(app.store, params, now)
      : app.accessReports.get(app.store, app.activity, params, now);
  }
  if (version === ACTIONTRAIL_VERSION && action === "LookupEvents") {
    requirePermission(app.store, caller, "actiontrail:LookupEvents", "*", context);
    return lookupEvents(app.activity, params, now, app.store.accountId, region);
  }
  if (version === STS_VERSION && Object.hasOwn(STS_OPERATIONS, action)) {
    return STS_OPERATIONS[action](params, { store: app.store, caller, now, context });
  }
  throw new ApiError(404, "InvalidAction.NotFound", `Specified api is not found, please check your url and method: ${action}.`);
}

function formParams(req: IncomingMessage, body: Buffer): Record<string, string> {
  const type = header(req, "content-type") ?? "";
  return type.startsWith("application/x-www-form-urlencoded") && body.length > 0 ? decodeQuery(body.toString("utf8")) : {};
}

function internal(e: unknown, app: EmulatorApp): ApiError {
  app.opts.log(`emulator: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return new ApiError(500, "InternalError", "The request processing has failed due to some unknown error.");
}
