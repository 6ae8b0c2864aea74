import { apiRoute } from "@/lib/http/api-route";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { applyCreateRole } from "@/lib/setup/apply-create-role";
import { roleApplySchema } from "@/lib/setup/input";
import { streamRun } from "@/lib/setup/stream-run";
import { getWriteDeps } from "@/lib/writes/server-deps";

export const dynamic = "force-dynamic";

// Creates the previewed role (admins): the steps' progress streams back as NDJSON; a retry resumes.
export const POST = apiRoute({ permission: "cloud:write", body: roleApplySchema }, async ({ actor, body: { token, ...input } }) => {
  return streamRun(await applyCreateRole(getInventoryDeps(), getWriteDeps(), actor, input, token), "POST /api/setup/role/apply");
});
