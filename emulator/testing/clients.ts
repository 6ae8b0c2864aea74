// Official clients pointed at an in-process emulator, for tests and benchmarks.
import Credential, { Config as CredentialConfig } from "@alicloud/credentials";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import Ram from "@alicloud/ram20150501";
import { createRamGateway } from "../../lib/cloud/ram-gateway";
import { createStsClient } from "../../lib/cloud/sts-client";
import type { RetryPolicy } from "../../lib/cloud/call";
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from "../core/defaults";

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
