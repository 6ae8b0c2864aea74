import { createHash, randomBytes } from "node:crypto";
import { OpenApiUtil, $OpenApiUtil } from "@alicloud/openapi-core";
import Ram, * as $Ram from "@alicloud/ram20150501";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_KEYS } from "../../seed/demo-keys";
import { createEmulator, type RunningEmulator } from "../../server";
import { ramClient, rejection, ROOT_KEY } from "../../../tests/support/cloud/clients";
import { REQUEST_ID } from "../../../tests/support/request-id";

interface SdkError {
  code: string;
  statusCode: number;
  requestId: string;
  accessDeniedDetail: Record<string, unknown> | null;
}

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20 });
});
afterAll(() => emu.close());

/** Signs with openapi-core's own signer, then lets the test change what is sent. */
async function rawCall(opts: { signedQuery: Record<string, string>; sentQuery?: Record<string, string>; body?: string; declaredBody?: string }) {
  const body = opts.body ?? "";
  const declared = createHash("sha256").update(opts.declaredBody ?? body).digest("hex");
  const headers: Record<string, string> = {
    host: `127.0.0.1:${emu.port}`,
    "x-acs-action": "GetRole",
    "x-acs-version": "2015-05-01",
    "x-acs-date": new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    "x-acs-signature-nonce": randomBytes(32).toString("hex"),
    "x-acs-content-sha256": declared,
  };
  const request = { pathname: "/", method: "POST", query: opts.signedQuery, headers } as never;
  headers.authorization = OpenApiUtil.getAuthorization(request, "ACS3-HMAC-SHA256", declared, ROOT_KEY.accessKeyId, ROOT_KEY.accessKeySecret);
  const qs = new URLSearchParams(opts.sentQuery ?? opts.signedQuery).toString().replace(/\+/g, "%20");
  const res = await fetch(`${emu.url}/?${qs}`, { method: "POST", headers, body: body || undefined });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe("signatures", () => {
  it("accepts a request signed by openapi-core's signer and refuses the same request tampered with", async () => {
    const ok = await rawCall({ signedQuery: { RoleName: "eas-oss-reader" } });
    expect(ok.status).toBe(200);
    expect((ok.json.Role as { RoleName: string }).RoleName).toBe("eas-oss-reader");
    const tampered = await rawCall({ signedQuery: { RoleName: "eas-oss-reader" }, sentQuery: { RoleName: "legacy-admin" } });
    expect(tampered.status).toBe(400);
    expect(tampered.json).toMatchObject({ Code: "SignatureDoesNotMatch", HostId: "ram.aliyuncs.com" });
    expect(tampered.json.RequestId).toBeTruthy();
  });

  it("checks x-acs-content-sha256 against the body", async () => {
    const r = await rawCall({ signedQuery: { RoleName: "eas-oss-reader" }, body: "RoleName=legacy-admin", declaredBody: "" });
    expect(r.json.Code).toBe("SignatureDoesNotMatch");
  });

  it("refuses a wrong secret and an unknown key with the real codes", async () => {
    const wrong = await rejection<SdkError>(ramClient(emu.port, { accessKeyId: ROOT_KEY.accessKeyId, accessKeySecret: "not-the-secret" }).getRole(new $Ram.GetRoleRequest({ roleName: "eas-oss-reader" })));
    expect([wrong.code, wrong.statusCode]).toEqual(["SignatureDoesNotMatch", 400]);
    const unknown = await rejection<SdkError>(ramClient(emu.port, { accessKeyId: "LTAI5tNobody", accessKeySecret: "x" }).listRoles(new $Ram.ListRolesRequest({})));
    expect([unknown.code, unknown.statusCode]).toEqual(["InvalidAccessKeyId.NotFound", 404]);
    expect(unknown.requestId).toMatch(REQUEST_ID);
  });

  it("accepts the legacy RPC HMAC-SHA1 signature", async () => {
    const v1 = new Ram(
      new $OpenApiUtil.Config({ ...ROOT_KEY, endpoint: `127.0.0.1:${emu.port}`, protocol: "HTTP", signatureAlgorithm: "v2", readTimeout: 5000, connectTimeout: 5000 }),
    );
    const r = await v1.getRole(new $Ram.GetRoleRequest({ roleName: "data-pipeline" }));
    expect(r.body?.role?.roleName).toBe("data-pipeline");
    const bad = new Ram(new $OpenApiUtil.Config({ ...ROOT_KEY, accessKeySecret: "nope", endpoint: `127.0.0.1:${emu.port}`, protocol: "HTTP", signatureAlgorithm: "v2" }));
    expect((await rejection<SdkError>(bad.getRole(new $Ram.GetRoleRequest({ roleName: "data-pipeline" })))).code).toBe("SignatureDoesNotMatch");
  });
});

describe("RAM users are authorised by their policies", () => {
  const bob = { accessKeyId: DEMO_KEYS.bob.id, accessKeySecret: DEMO_KEYS.bob.secret };

  it("lets bob read roles (AliyunRAMReadOnlyAccess)", async () => {
    const r = await ramClient(emu.port, bob).getRole(new $Ram.GetRoleRequest({ roleName: "eas-oss-reader" }));
    expect(r.body?.role?.arn).toBe("acs:ram::1784200000000001:role/eas-oss-reader");
  });

  it("refuses bob CreateRole with NoPermission and an AccessDeniedDetail", async () => {
    const doc = '{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["eas.pai.aliyuncs.com"]}}]}';
    const e = await rejection<SdkError & { message: string }>(
      ramClient(emu.port, bob).createRole(new $Ram.CreateRoleRequest({ roleName: "bobs-role", assumeRolePolicyDocument: doc })),
    );
    expect([e.code, e.statusCode]).toEqual(["NoPermission", 403]);
    expect(e.message).toContain("You are not authorized to do this action.");
    expect(e.accessDeniedDetail).toMatchObject({
      AuthAction: "ram:CreateRole",
      AuthPrincipalType: "SubUser",
      AuthPrincipalDisplayName: "bob",
      AuthPrincipalOwnerId: "1784200000000001",
      NoPermissionType: "ImplicitDeny",
      PolicyType: "AccountLevelIdentityBasedPolicy",
    });
    const decoded = await ramClient(emu.port).decodeDiagnosticMessage(new $Ram.DecodeDiagnosticMessageRequest({ encodedDiagnosticMessage: String(e.accessDeniedDetail?.EncodedDiagnosticMessage) }));
    expect(decoded.body?.decodedDiagnosticMessage?.authResource).toBe("acs:ram:*:1784200000000001:role/bobs-role");
  });

  it("lets alice (AliyunRAMFullAccess) create and delete a role", async () => {
    const alice = ramClient(emu.port, { accessKeyId: DEMO_KEYS.alice.id, accessKeySecret: DEMO_KEYS.alice.secret });
    const doc = '{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["eas.pai.aliyuncs.com"]}}]}';
    const r = await alice.createRole(new $Ram.CreateRoleRequest({ roleName: "alices-role", assumeRolePolicyDocument: doc }));
    expect(r.body?.role?.roleName).toBe("alices-role");
    await alice.deleteRole(new $Ram.DeleteRoleRequest({ roleName: "alices-role" }));
  });
});
