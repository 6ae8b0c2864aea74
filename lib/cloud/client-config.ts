import "server-only";
import type Credential from "@alicloud/credentials";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import type { RetryPolicy } from "./call";

/** What every RAM, STS and EAS client of the console is built from. */
export interface ClientOptions {
  protocol: "HTTP" | "HTTPS";
  credential: Credential;
  readTimeoutMs?: number;
  connectTimeoutMs?: number;
  retry?: RetryPolicy;
}

// The SDK's own defaults are 3 s each, too short for a slow list call; both must be set.
const DEFAULT_TIMEOUT_MS = 10_000;

/** The openapi-core client config for one endpoint (host[:port], no scheme). */
export function openApiConfig(endpoint: string, o: ClientOptions, regionId?: string): $OpenApiUtil.Config {
  return new $OpenApiUtil.Config({
    credential: o.credential,
    endpoint,
    protocol: o.protocol,
    ...(regionId ? { regionId } : {}),
    readTimeout: o.readTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    connectTimeout: o.connectTimeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
}
