import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../server";
import { ramGateway, ROOT_KEY } from "../../testing/clients";

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
