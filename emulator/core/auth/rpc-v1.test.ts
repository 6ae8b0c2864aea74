import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../server";
import * as $Ram from "@alicloud/ram20150501";
import { ramClient, ramGateway, ROOT_KEY } from "../../../tests/support/cloud/clients";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20 });
});
afterAll(() => emu.close());

// Written from the RPC V1 signature documentation, independently of the emulator's verifier.
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function signV1(method: string, params: Record<string, string>, secret: string): Record<string, string> {
  const all: Record<string, string> = {
    Format: "JSON",
    AccessKeyId: ROOT_KEY.accessKeyId,
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    SignatureNonce: randomUUID(),
    Timestamp: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    ...params,
  };
  const canonical = Object.keys(all)
    .sort()
    .map((k) => `${rfc3986(k)}=${rfc3986(all[k])}`)
    .join("&");
  const stringToSign = `${method}&${rfc3986("/")}&${rfc3986(canonical)}`;
  return { ...all, Signature: createHmac("sha1", `${secret}&`).update(stringToSign).digest("base64") };
}

/** POSTs the parameters as pop-core does: form-encoded in the body (`+` for spaces), nothing in the query. */
async function postForm(params: Record<string, string>, query = "") {
  const res = await fetch(`${emu.url}/${query}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe("RPC V1 parameters in a form-encoded POST body", () => {
  it("reads Action, the signature and the API parameters from the body", async () => {
    const r = await postForm(signV1("POST", { Action: "GetRole", Version: "2015-05-01", RoleName: "data-pipeline" }, ROOT_KEY.accessKeySecret));
    expect(r.status).toBe(200);
    expect((r.json.Role as { RoleName: string }).RoleName).toBe("data-pipeline");
  });

  it("decodes `+` as a space, and signs the decoded values", async () => {
    const trust = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } }] }, null, 2);
    const params = { Action: "CreateRole", Version: "2015-05-01", RoleName: "form-role", AssumeRolePolicyDocument: trust, Description: "made by a + form & 'V1' client" };
    const r = await postForm(signV1("POST", params, ROOT_KEY.accessKeySecret));
    expect(r.status).toBe(200);
    const role = await ramGateway(emu.port).getRole("form-role");
    expect(role.description).toBe("made by a + form & 'V1' client");
    expect(JSON.parse(role.assumeRolePolicyDocument)).toEqual(JSON.parse(trust));
  });

  it("signs query and body parameters together", async () => {
    const signed = signV1("POST", { Action: "GetRole", Version: "2015-05-01", RoleName: "eas-oss-reader" }, ROOT_KEY.accessKeySecret);
    const { Action, Version, ...rest } = signed;
    const r = await postForm(rest, `?Action=${Action}&Version=${Version}`);
    expect(r.status).toBe(200);
    expect((r.json.Role as { RoleName: string }).RoleName).toBe("eas-oss-reader");
  });

  it("refuses a body changed after signing, and a wrong secret", async () => {
    const signed = signV1("POST", { Action: "GetRole", Version: "2015-05-01", RoleName: "data-pipeline" }, ROOT_KEY.accessKeySecret);
    const tampered = await postForm({ ...signed, RoleName: "legacy-admin" });
    expect([tampered.status, tampered.json.Code]).toEqual([400, "SignatureDoesNotMatch"]);
    const wrong = await postForm(signV1("POST", { Action: "GetRole", Version: "2015-05-01", RoleName: "data-pipeline" }, "not-the-secret"));
    expect(wrong.json.Code).toBe("SignatureDoesNotMatch");
    const signedForGet = await postForm(signV1("GET", { Action: "GetRole", Version: "2015-05-01", RoleName: "data-pipeline" }, ROOT_KEY.accessKeySecret));
    expect(signedForGet.json.Code).toBe("SignatureDoesNotMatch");
  });

  it("answers STS in the body too", async () => {
    const r = await postForm(signV1("POST", { Action: "GetCallerIdentity", Version: "2015-04-01" }, ROOT_KEY.accessKeySecret));
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ IdentityType: "Account", AccountId: "1784200000000001" });
  });
});

// What alibaba-cloud-sdk-go sends for an RPC GET: the URL from Go's url.Values.Encode (keys sorted,
// url.QueryEscape: a space is `+`, a plus `%2B`), the signature over the RFC 3986 form, where
// the space is `%20` (its signer replaces `+` with `%20` before signing).
const goQueryEscape = (s: string) => rfc3986(s).replace(/%20/g, "+");
const goEncode = (params: Record<string, string>) =>
  Object.keys(params)
    .sort()
    .map((k) => `${goQueryEscape(k)}=${goQueryEscape(params[k])}`)
    .join("&");

async function getLikeGo(params: Record<string, string>) {
  const res = await fetch(`${emu.url}/?${goEncode(signV1("GET", params, ROOT_KEY.accessKeySecret))}`);
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe("RPC V1 parameters in a GET query, form-encoded as Go's url.Values writes them", () => {
  const trust = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } }] });
  const description = "made by a Go client: a + b, 100% sure";

  it("reads `+` as a space: the signature matches and the space is stored", async () => {
    const url = goEncode({ Description: description });
    expect(url).toBe("Description=made+by+a+Go+client%3A+a+%2B+b%2C+100%25+sure");
    const r = await getLikeGo({ Action: "CreateRole", Version: "2015-05-01", RoleName: "GoClientRole", AssumeRolePolicyDocument: trust, Description: description });
    expect([r.status, r.json.Code]).toEqual([200, undefined]);
    const role = await ramGateway(emu.port).getRole("goclientrole");
    expect(role.description).toBe(description);
    expect(role.roleName).toBe("GoClientRole");
  });

  it("stores what the official TypeScript SDK's request stores for the same values", async () => {
    await ramClient(emu.port).createRole(new $Ram.CreateRoleRequest({ roleName: "TsClientRole", assumeRolePolicyDocument: trust, description }));
    const ts = await ramGateway(emu.port).getRole("TsClientRole");
    const go = await getLikeGo({ Action: "UpdateRole", Version: "2015-05-01", RoleName: "TsClientRole", NewDescription: `${description} (Go)` });
    expect(go.status).toBe(200);
    expect(ts.description).toBe(description);
    expect((await ramGateway(emu.port).getRole("TsClientRole")).description).toBe(`${description} (Go)`);
  });
});
