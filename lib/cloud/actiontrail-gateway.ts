// ActionTrailGateway over openapi-core's callApi (RPC, 2020-07-06), with the operation name and
// fields of the generated @alicloud/actiontrail20200706 SDK (not on the registry this project
// reaches), so that SDK can replace this file.
import "server-only";
import OpenApi, { $OpenApiUtil } from "@alicloud/openapi-core";
import * as $dara from "@darabonba/typescript";
import { callWithRetry } from "./call";
import { openApiConfig, type ClientOptions } from "./client-config";
import type { ActionTrailGateway, TrailEvent } from "./trail-types";

interface ActionTrailGatewayConfig extends ClientOptions {
  /** host[:port], no scheme: ActionTrail's regional endpoint `actiontrail.<region>.aliyuncs.com`. */
  endpoint: string;
  region: string;
}

type Body = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));
const obj = (v: unknown): Body => (v && typeof v === "object" ? (v as Body) : {});

function toEvent(e: Body): TrailEvent {
  const id = obj(e.userIdentity);
  return {
    eventId: str(e.eventId),
    eventName: str(e.eventName),
    serviceName: str(e.serviceName),
    eventTime: str(e.eventTime),
    resourceName: str(e.resourceName),
    resourceType: str(e.resourceType),
    errorCode: str(e.errorCode),
    eventRW: str(e.eventRW),
    acsRegion: str(e.acsRegion),
    userIdentity: { type: str(id.type), principalId: str(id.principalId), userName: str(id.userName), arn: str(id.arn) },
  };
}

export function createActionTrailGateway(cfg: ActionTrailGatewayConfig): ActionTrailGateway {
  const client = new OpenApi(openApiConfig(cfg.endpoint, cfg, cfg.region));
  return {
    async lookupEvents(q) {
      const query: Record<string, unknown> = { StartTime: q.startTime, EndTime: q.endTime };
      if (q.maxResults !== undefined) query.MaxResults = String(q.maxResults);
      if (q.nextToken) query.NextToken = q.nextToken;
      // Flattened as the SDK does: LookupAttribute.1.Key, LookupAttribute.1.Value…
      (q.attributes ?? []).forEach((a, i) => {
        query[`LookupAttribute.${i + 1}.Key`] = a.key;
        query[`LookupAttribute.${i + 1}.Value`] = a.value;
      });
      const b = await callWithRetry(async () => {
        const params = new $OpenApiUtil.Params({
          action: "LookupEvents",
          version: "2020-07-06",
          protocol: cfg.protocol,
          pathname: "/",
          method: "POST",
          authType: "AK",
          style: "RPC",
          reqBodyType: "formData",
          bodyType: "json",
        });
        const req = new $OpenApiUtil.OpenApiRequest({ query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) });
        const res = (await client.callApi(params, req, new $dara.RuntimeOptions({}))) as { body: Body };
        return res.body ?? {};
      }, cfg.retry);
      const events = Array.isArray(b.Events) ? (b.Events as Body[]).map(toEvent) : [];
      return { events, nextToken: str(b.NextToken) || undefined, requestId: str(b.RequestId) };
    },
  };
}
