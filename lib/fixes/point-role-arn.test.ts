import { describe, expect, it, vi } from "vitest";
vi.mock("server-only", () => ({}));
import type { FixContext } from "./context";
import { pointRoleArn } from "./point-role-arn";

// EAS keeps a service's role under role_arn and credential.role_arn: the fix points every copy
// the config holds at the new role, each top-level key sent whole.

const arn = (r: string) => `acs:ram::1784200000000001:role/${r}`;
const ctx = (config: Record<string, unknown>) => ({ region: "cn-hangzhou", service: { serviceName: "svc", serviceConfig: JSON.stringify(config) } }) as unknown as FixContext;
const body = (config: Record<string, unknown>, path: "role_arn" | "credential.role_arn") => pointRoleArn(ctx(config), "good", arn("good"), path).steps[0].params.body;

describe("point-role-arn", () => {
  it("writes role_arn, credential.role_arn, or both, where the config keeps the role", () => {
    expect(body({ name: "svc", role_arn: arn("gone") }, "role_arn")).toEqual({ role_arn: arn("good") });
    expect(body({ name: "svc", credential: { role_arn: arn("gone"), docker_auth: "x" } }, "credential.role_arn")).toEqual({ credential: { role_arn: arn("good"), docker_auth: "x" } });
    expect(body({ name: "svc", role_arn: arn("gone"), credential: { role_arn: arn("gone") } }, "role_arn")).toEqual({ role_arn: arn("good"), credential: { role_arn: arn("good") } });
  });
});
