// RAM's permission audit over openapi-core's callApi (RPC, 2015-05-01): @alicloud/ram20150501
// 1.2.x has no model for GenerateServiceLastAccessedDetails / GetServiceLastAccessedDetails, so
// they are called by name with the fields RAM answers (`ServicesLastAccessed.ServiceLastAccessed`).
import "server-only";
import OpenApi, { $OpenApiUtil } from "@alicloud/openapi-core";
import * as $dara from "@darabonba/typescript";
import { callWithRetry } from "./call";
import { openApiConfig, type ClientOptions } from "./client-config";
import type { RamAuditGateway } from "./trail-types";

type Body = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));
const obj = (v: unknown): Body => (v && typeof v === "object" ? (v as Body) : {});

export function createRamAuditGateway(cfg: ClientOptions & { endpoint: string }): RamAuditGateway {
  const client = new OpenApi(openApiConfig(cfg.endpoint, cfg));
  const call = (action: string, query: Record<string, string>) =>
    callWithRetry(async () => {
      const params = new $OpenApiUtil.Params({ action, version: "2015-05-01", protocol: cfg.protocol, pathname: "/", method: "POST", authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json" });
      const res = (await client.callApi(params, new $OpenApiUtil.OpenApiRequest({ query }), new $dara.RuntimeOptions({}))) as { body: Body };
      return res.body ?? {};
    }, cfg.retry);
  return {
    async generateServiceLastAccessedDetails(arn) {
      const b = await call("GenerateServiceLastAccessedDetails", { Arn: arn });
      return { jobId: str(b.JobId), requestId: str(b.RequestId) };
    },
    async getServiceLastAccessedDetails(jobId, opts = {}) {
      const q: Record<string, string> = { JobId: jobId };
      if (opts.marker) q.Marker = opts.marker;
      if (opts.maxItems) q.MaxItems = String(opts.maxItems);
      const b = await call("GetServiceLastAccessedDetails", q);
      const rows = obj(b.ServicesLastAccessed).ServiceLastAccessed;
      const err = obj(b.Error);
      return {
        jobStatus: str(b.JobStatus),
        services: (Array.isArray(rows) ? (rows as Body[]) : []).map((r) => ({
          serviceNamespace: str(r.ServiceNamespace).toLowerCase(),
          serviceName: str(r.ServiceName),
          ...(r.LastAccessedTime ? { lastAccessedTime: str(r.LastAccessedTime) } : {}),
        })),
        ...(b.IsTruncated === true || b.IsTruncated === "true" ? { marker: str(b.Marker) } : {}),
        ...(err.Code ? { error: { code: str(err.Code), message: str(err.Message) } } : {}),
        requestId: str(b.RequestId),
      };
    },
  };
}
