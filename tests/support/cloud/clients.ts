// Official clients pointed at an in-process emulator, for tests and benchmarks.
import Credential, { Config as CredentialConfig } from "@alicloud/credentials";
import OpenApi, { $OpenApiUtil } from "@alicloud/openapi-core";
import Ram from "@alicloud/ram20150501";
import * as $dara from "@darabonba/typescript";
import { createEasGateway } from "../../../lib/cloud/eas-gateway";
import { createRamGateway } from "../../../lib/cloud/ram-gateway";
import { createStsClient } from "../../../lib/cloud/sts-client";
import type { RetryPolicy } from "../../../lib/cloud/call";
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from "../../../emulator/core/defaults";

export interface KeyPair {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export const ROOT_KEY: KeyPair = { accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET };
export const FAST_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 5, maxDelayMs: 20 };

export function credentialFor(k: KeyPair): Credential {
  return new Credential(
    new CredentialConfig(
      k.securityToken
        ? { type: "sts", accessKeyId: k.accessKeyId, accessKeySecret: k.accessKeySecret, securityToken: k.securityToken }
        : { type: "access_key", accessKeyId: k.accessKeyId, accessKeySecret: k.accessKeySecret },
    ),
  );
}

export function ramGateway(port: number, k: KeyPair = ROOT_KEY, retry: RetryPolicy = FAST_RETRY) {
  return createRamGateway({ endpoint: `127.0.0.1:${port}`, protocol: "HTTP", credential: credentialFor(k), retry, readTimeoutMs: 5000, connectTimeoutMs: 5000 });
}

export function stsClient(port: number, k: KeyPair = ROOT_KEY) {
  return createStsClient({ endpoint: `127.0.0.1:${port}`, protocol: "HTTP", credential: credentialFor(k), retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } });
}

/** The bare SDK client, for asserting on the raw models and errors. */
export function ramClient(port: number, k: KeyPair = ROOT_KEY): Ram {
  return new Ram(
    new $OpenApiUtil.Config({ credential: credentialFor(k), endpoint: `127.0.0.1:${port}`, protocol: "HTTP", readTimeout: 5000, connectTimeout: 5000 }),
  );
}

/** The console's EAS gateway, one client per region port of the emulator. */
export function easGateway(emu: { regionPorts: Record<string, number> }, k: KeyPair = ROOT_KEY, retry: RetryPolicy = FAST_RETRY) {
  return createEasGateway({
    regions: Object.keys(emu.regionPorts),
    endpointFor: (r) => `127.0.0.1:${emu.regionPorts[r]}`,
    protocol: "HTTP",
    credential: credentialFor(k),
    retry,
    readTimeoutMs: 5000,
    connectTimeoutMs: 5000,
  });
}

/** One raw EAS call through openapi-core's callApi: the PascalCase body exactly as it came over the wire. */
export async function easCall(
  port: number,
  op: { action: string; method: string; pathname: string; query?: Record<string, string>; body?: string },
  k: KeyPair = ROOT_KEY,
): Promise<Record<string, unknown>> {
  const client = new OpenApi(new $OpenApiUtil.Config({ credential: credentialFor(k), endpoint: `127.0.0.1:${port}`, protocol: "HTTP", readTimeout: 5000, connectTimeout: 5000 }));
  const params = new $OpenApiUtil.Params({
    action: op.action,
    version: "2021-07-01",
    protocol: "HTTP",
    pathname: op.pathname,
    method: op.method,
    authType: "AK",
    style: "ROA",
    reqBodyType: "json",
    bodyType: "json",
  });
  const req = new $OpenApiUtil.OpenApiRequest({ query: op.query ?? {}, ...(op.body === undefined ? {} : { body: op.body }) });
  const res = (await client.callApi(params, req, new $dara.RuntimeOptions({}))) as { body: Record<string, unknown> };
  return res.body;
}

/** An RPC call the RAM SDK has no method for (CreateServiceLinkedRole…), signed like the SDK's own. */
export async function ramRpc(port: number, action: string, query: Record<string, string>, k: KeyPair = ROOT_KEY, version = "2015-05-01"): Promise<Record<string, unknown>> {
  const client = new OpenApi(new $OpenApiUtil.Config({ credential: credentialFor(k), endpoint: `127.0.0.1:${port}`, protocol: "HTTP", readTimeout: 5000, connectTimeout: 5000 }));
  const params = new $OpenApiUtil.Params({ action, version, protocol: "HTTP", pathname: "/", method: "POST", authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json" });
  const res = (await client.callApi(params, new $OpenApiUtil.OpenApiRequest({ query }), new $dara.RuntimeOptions({}))) as { body: Record<string, unknown> };
  return res.body;
}

export async function control(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Awaits a promise expected to reject, and returns what it rejected with. */
export async function rejection<T = Record<string, unknown>>(p: Promise<unknown>): Promise<T> {
  try {
    await p;
  } catch (e) {
    return e as T;
  }
  throw new Error("expected the call to fail, and it succeeded");
}
