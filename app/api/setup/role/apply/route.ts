import { assertCloudWritable } from "@/lib/auth/cloud-write";
import { authorizeRequest } from "@/lib/auth/session";
import { apiRoute, readInput } from "@/lib/http/api-route";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { applyCreateRole } from "@/lib/setup/apply-create-role";
import { roleApplySchema } from "@/lib/setup/input";
import { streamRun } from "@/lib/setup/stream-run";
import { getWriteDeps } from "@/lib/writes/server-deps";

export const dynamic = "force-dynamic";

// Creates the previewed role (admins): the steps' progress streams back as NDJSON; a retry resumes.
export const POST = apiRoute(async (req: Request) => {
  const actor = await authorizeRequest(req, "cloud:write");
  assertCloudWritable();
  const { token, ...input } = await readInput(req, roleApplySchema);
  return streamRun(await applyCreateRole(getInventoryDeps(), getWriteDeps(), actor, input, token), "POST /api/setup/role/apply");
});
