// ActionTrail LookupEvents over openapi-core, built as the official SDK builds it
// (aliyun/alibabacloud-typescript-sdk, actiontrail-20200706/src/client.ts lookupEventsWithOptions):
// RPC, POST /, version 2020-07-06, the request flattened by OpenApiUtil.query (LookupAttribute.1.Key…).
// `@alicloud/actiontrail20200706` is not on this registry, so the request is made the way it would.
import OpenApi, { $OpenApiUtil, OpenApiUtil } from "@alicloud/openapi-core";
import * as $dara from "@darabonba/typescript";
import { credentialFor, ROOT_KEY, type KeyPair } from "./clients";

export interface LookupEventsInput {
  StartTime?: string;
  EndTime?: string;
  Direction?: "FORWARD" | "BACKWARD" | string;
  MaxResults?: string;
  NextToken?: string;
  LookupAttribute?: { Key: string; Value: string }[];
}

interface LookupEventsAnswer {
  RequestId: string;
  StartTime: string;
  EndTime: string;
  NextToken?: string;
  Events: Record<string, unknown>[];
}

/** One LookupEvents call to the emulator's port of a region (the endpoint actiontrail.{region}.aliyuncs.com stands for). */
export async function lookupEvents(port: number, input: LookupEventsInput, k: KeyPair = ROOT_KEY): Promise<LookupEventsAnswer> {
  const client = new OpenApi(new $OpenApiUtil.Config({ credential: credentialFor(k), endpoint: `127.0.0.1:${port}`, protocol: "HTTP", readTimeout: 5000, connectTimeout: 5000 }));
  const params = new $OpenApiUtil.Params({ action: "LookupEvents", version: "2020-07-06", protocol: "HTTP", pathname: "/", method: "POST", authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json" });
  const query: Record<string, unknown> = { ...input };
  const req = new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query(query) });
  const res = (await client.callApi(params, req, new $dara.RuntimeOptions({}))) as { body: LookupEventsAnswer };
  return res.body;
}
