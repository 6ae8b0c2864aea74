import { parseArn } from "../policy/arn";
import type { TrailEvent } from "../cloud/trail-types";
import type { ActivityEvent } from "./types";

// An ActionTrail event as a use of a role: only calls made with a role's STS session
// (`userIdentity.type` `assumed-role`) count, and the role is the one in the session's ARN
// (`acs:ram::<uid>:assumed-role/<role>/<session>`) or its user name (`<role>:<session>`).

function sessionRole(e: TrailEvent): string | undefined {
  if (e.userIdentity.type !== "assumed-role") return undefined;
  const arn = parseArn(e.userIdentity.arn);
  const m = arn && /^assumed-role\/([^/]+)/i.exec(arn.resource);
  if (m) return m[1];
  const name = e.userIdentity.userName.split(":")[0];
  return name || undefined;
}

/** ActionTrail names services as products (`Oss`, `Ecs`); RAM actions use the lower-case prefix. */
function actionOf(e: TrailEvent): { service: string; action: string } {
  const service = e.serviceName.toLowerCase();
  return { service, action: `${service}:${e.eventName}` };
}

/** A bare name (`bucket/models/a.bin`) as the ARN a policy would name it by, in any region and account. */
function asArn(service: string, name: string): string {
  return name.startsWith("acs:") ? name : `acs:${service}:*:*:${name}`;
}

export function toActivityEvent(e: TrailEvent): ActivityEvent | undefined {
  const role = sessionRole(e);
  const at = Date.parse(e.eventTime);
  if (!role || !e.eventName || Number.isNaN(at)) return undefined;
  const { service, action } = actionOf(e);
  const resources = e.resourceName.split(";").map((r) => r.trim()).filter(Boolean).map((r) => asArn(service, r));
  return { role, service, action, resources, at, count: 1, failed: e.errorCode !== "" };
}
