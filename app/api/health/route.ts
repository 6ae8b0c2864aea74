import { getEnv } from "@/lib/env";
import { describeCloud } from "@/lib/cloud/create-cloud";
import { apiRoute, json } from "@/lib/http/api-route";
import pkg from "@/package.json";

export const dynamic = "force-dynamic";

// Liveness for load balancers and the e2e suite: which cloud the console talks to, never a secret.
export const GET = apiRoute({ permission: "public" }, async () => {
  const cloud = describeCloud(getEnv());
  return json({ status: "ok", version: pkg.version, cloud: { mode: cloud.mode, endpoint: cloud.endpoint } });
});
