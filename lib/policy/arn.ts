// ARNs: `acs:<service>:<region>:<account-id>:<relative-id>`; RAM has an empty region.

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

export function roleArn(accountId: string, roleName: string): string {
  return `acs:ram::${accountId}:role/${roleName}`;
}

/** `acs:ram::123:role/eas-runner` → `eas-runner`; undefined when the ARN is not a role's. */
export function roleNameFromArn(arn: string): string | undefined {
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== "ram") return undefined;
  const m = /^role\/(.+)$/i.exec(parsed.resource);
  return m ? m[1] : undefined;
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
