// ARNs: `acs:<service>:<region>:<account-id>:<relative-id>`; RAM has an empty region.
import { roleKey } from "./role-identity";

export interface Arn {
  service: string;
  region: string;
  account: string;
  /** Everything after the fourth colon, e.g. `role/eas-runner` or `bucket/key:with:colons`. */
  resource: string;
}

export function parseArn(arn: string): Arn | undefined {
  if (typeof arn !== "string" || !arn.startsWith("acs:")) return undefined;
  const parts = arn.split(":");
  if (parts.length < 5) return undefined;
  const [, service, region, account, ...rest] = parts;
  if (!service) return undefined;
  return { service, region, account, resource: rest.join(":") };
}

/** A role's ARN as RAM writes it: the name in lower case, whatever the case of its RoleName. */
export function roleArn(accountId: string, roleName: string): string {
  return `acs:ram::${accountId}:role/${roleKey(roleName)}`;
}

/**
 * `acs:ram::123:role/eas-runner` → `eas-runner`; undefined when the ARN is not a role's. The name
 * keeps the case it was written in (RAM's ARNs write it lower-case): compare it with `sameRole`.
 */
export function roleNameFromArn(arn: string): string | undefined {
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== "ram") return undefined;
  const m = /^role\/(.+)$/i.exec(parsed.resource);
  return m ? m[1] : undefined;
}

/**
 * What two ARNs compare by: a role's ARN by its account and its name without case (a config that
 * writes `role/EasMixedCase` and one that writes `role/easmixedcase` name one role); any other
 * value as it is.
 */
export function roleArnKey(arn: string): string {
  const name = roleNameFromArn(arn);
  return name === undefined ? arn : `acs:ram::${parseArn(arn)!.account}:role/${roleKey(name)}`;
}

const RAM_PRINCIPAL = /^acs:ram::([^:]*):(root|user\/.+|role\/.+|saml-provider\/.+|oidc-provider\/.+)$/;

export type RamPrincipalRef =
  | { kind: "root"; account: string }
  | { kind: "user" | "role"; account: string; name: string }
  | { kind: "provider"; account: string; name: string };

/** Reads a `Principal.RAM` value. A bare account id means that account's root, as in RAM's console. */
export function parseRamPrincipal(value: string): RamPrincipalRef | undefined {
  if (/^\d+$/.test(value)) return { kind: "root", account: value };
  const m = RAM_PRINCIPAL.exec(value);
  if (!m) return undefined;
  const [, account, tail] = m;
  if (tail === "root") return { kind: "root", account };
  const slash = tail.indexOf("/");
  const kind = tail.slice(0, slash);
  const name = tail.slice(slash + 1);
  if (kind === "user" || kind === "role") return { kind, account, name };
  return { kind: "provider", account, name };
}
