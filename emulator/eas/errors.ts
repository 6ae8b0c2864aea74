// EAS error answers, with the codes the real service uses.
import { ApiError } from "../core/contract";

export const invalidParameter = (message: string) => new ApiError(400, "InvalidParameter", message);

export const serviceNotFound = (region: string, name: string) =>
  new ApiError(404, "InvalidService.NotFound", `Service [${name}] in region [${region}] does not exist.`);

export const serviceExists = (name: string) =>
  new ApiError(400, "InvalidService.AlreadyExists", `Service [${name}] already exists in this region.`);

export const invalidStatus = (name: string, status: string, wanted: string) =>
  new ApiError(400, "InvalidServiceStatus", `Service [${name}] is ${status}: ${wanted}.`);

// Names start with a lowercase letter and hold lowercase letters, digits, `_` and `-`, at most
// 32 characters. The reference gives no rule; this is EAS's documented letter/digit/underscore
// rule widened by `-`, which the console's own demo services use.
const SERVICE_NAME_RULE = "must start with a lowercase letter and contain only lowercase letters, digits, underscores (_) and hyphens (-), 1 to 32 characters";
const SERVICE_NAME = /^[a-z][a-z0-9_-]{0,31}$/;

export function checkServiceName(name: unknown): string {
  if (typeof name !== "string" || name === "") throw invalidParameter("The service config must contain \"name\": the service name is required.");
  if (!SERVICE_NAME.test(name)) throw new ApiError(400, "InvalidParameter.ServiceName", `Invalid service name "${name}": it ${SERVICE_NAME_RULE}.`);
  return name;
}
