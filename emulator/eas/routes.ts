// EAS 2021-07-01 is ROA: the operation is the method and the path.
import { decodeSegment } from "../core/auth/encode";
import { ApiError } from "../core/contract";
import { invalidParameter } from "./errors";

export type EasOperation =
  | "ListServices"
  | "CreateService"
  | "DescribeService"
  | "UpdateService"
  | "DeleteService"
  | "StartService"
  | "StopService"
  | "RestartService"
  | "DescribeServiceEvent"
  | "ListServiceInstances"
  | "DescribeServiceDiagnosis";

export type Route = { op: "ListServices" | "CreateService" } | { op: Exclude<EasOperation, "ListServices" | "CreateService">; region: string; name: string };

const SUB: Record<string, Partial<Record<string, EasOperation>>> = {
  "": { GET: "DescribeService", PUT: "UpdateService", DELETE: "DeleteService" },
  start: { PUT: "StartService" },
  stop: { PUT: "StopService" },
  restart: { PUT: "RestartService" },
  events: { GET: "DescribeServiceEvent" },
  instances: { GET: "ListServiceInstances" },
  diagnosis: { GET: "DescribeServiceDiagnosis" },
};

export function resolveRoute(method: string, pathname: string): Route {
  const m = method.toUpperCase();
  const parts = pathname.replace(/\/+$/, "").split("/").slice(1).map((raw) => {
    const seg = decodeSegment(raw);
    if (seg === undefined) throw invalidParameter(`Invalid path segment "${raw}": it is not valid percent-encoding.`);
    return seg;
  });
  const notFound = () => new ApiError(404, "InvalidAction.NotFound", `Specified api is not found, please check your url and method: ${m} ${pathname}.`);
  if (parts[0] !== "api" || parts[1] !== "v2" || parts[2] !== "services") throw notFound();
  if (parts.length === 3) {
    if (m === "GET") return { op: "ListServices" };
    if (m === "POST") return { op: "CreateService" };
    throw notFound();
  }
  if (parts.length < 5 || parts.length > 6) throw notFound();
  // The path and method come from the client: only the tables' own keys name an operation.
  const sub = parts[5] ?? "";
  const op = Object.hasOwn(SUB, sub) && Object.hasOwn(SUB[sub], m) ? SUB[sub][m] : undefined;
  if (!op || op === "ListServices" || op === "CreateService") throw notFound();
  return { op, region: parts[3], name: parts[4] };
}
