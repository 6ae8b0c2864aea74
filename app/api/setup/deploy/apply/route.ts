import { apiRoute } from "@/lib/http/api-route";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { applyDeploy } from "@/lib/setup/apply-deploy";
import { deployApplySchema } from "@/lib/setup/input";
import { streamRun } from "@/lib/setup/stream-run";
import { getWriteDeps } from "@/lib/writes/server-deps";

export const dynamic = "force-dynamic";

// Deploys the previewed config (admins), refused while preflight finds an error; progress as NDJSON.
export const POST = apiRoute({ permission: "cloud:write", body: deployApplySchema }, async ({ actor, body: { token, ...input } }) => {
  return streamRun(await applyDeploy(getInventoryDeps(), getWriteDeps(), actor, input, token), "POST /api/setup/deploy/apply");
});
