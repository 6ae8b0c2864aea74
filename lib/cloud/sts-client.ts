// STS 2015-04-01 over openapi-core's callApi (RPC style), as the generated STS SDK would call it.
import "server-only";
import OpenApi, { $OpenApiUtil } from "@alicloud/openapi-core";
import * as $dara from "@darabonba/typescript";
import { callWithRetry } from "./call";
import { openApiConfig, type ClientOptions } from "./client-config";
import type { CallerIdentity } from "./types";

export interface StsClientConfig extends ClientOptions {
  /** host[:port], no scheme. */
  endpoint: string;
}

interface StsCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  expiration: string;
}

interface AssumeRoleResult {
  credentials: StsCredentials;
  assumedRoleUser: { arn: string; assumedRoleId: string };
  requestId: string;
}

export interface StsClient {
  assumeRole(input: { roleArn: string; roleSessionName: string; durationSeconds?: number; policy?: string }): Promise<AssumeRoleResult>;
  getCallerIdentity(): Promise<CallerIdentity>;
}

type Body = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : "");

export function createStsClient(cfg: StsClientConfig): StsClient {
  const client = new OpenApi(openApiConfig(cfg.endpoint, cfg));
  const call = (action: string, query: Record<string, string>) =>
    callWithRetry(async () => {
      const params = new $OpenApiUtil.Params({
        action,
        version: "2015-04-01",
        protocol: cfg.protocol,
        pathname: "/",
        method: "POST",
        authType: "AK",
        style: "RPC",
        reqBodyType: "formData",
        bodyType: "json",
      });
      const res = (await client.callApi(params, new $OpenApiUtil.OpenApiRequest({ query }), new $dara.RuntimeOptions({}))) as { body: Body };
      return res.body;
    }, cfg.retry);

  return {
    async assumeRole(input) {
      const query: Record<string, string> = { RoleArn: input.roleArn, RoleSessionName: input.roleSessionName };
      if (input.durationSeconds !== undefined) query.DurationSeconds = String(input.durationSeconds);
      if (input.policy !== undefined) query.Policy = input.policy;
      const body = await call("AssumeRole", query);
      const c = (body.Credentials ?? {}) as Body;
      const u = (body.AssumedRoleUser ?? {}) as Body;
      return {
        credentials: {
          accessKeyId: str(c.AccessKeyId),
          accessKeySecret: str(c.AccessKeySecret),
          securityToken: str(c.SecurityToken),
          expiration: str(c.Expiration),
        },
        assumedRoleUser: { arn: str(u.Arn), assumedRoleId: str(u.AssumedRoleId) },
        requestId: str(body.RequestId),
      };
    },
    async getCallerIdentity() {
      const b = await call("GetCallerIdentity", {});
      return {
        accountId: str(b.AccountId),
        arn: str(b.Arn),
        identityType: str(b.IdentityType),
        principalId: str(b.PrincipalId),
        ...(b.UserId ? { userId: str(b.UserId) } : {}),
        ...(b.RoleId ? { roleId: str(b.RoleId) } : {}),
      };
    },
  };
}
