import { authorizeRequest } from "@/lib/auth/session";
import { apiRoute, json, readInput } from "@/lib/http/api-route";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { deployRequestSchema } from "@/lib/setup/input";
import { previewDeploy } from "@/lib/setup/preview-deploy";

export const dynamic = "force-dynamic";

// Deploy: the CreateService or UpdateService call with its body, and preflight's findings. Writes nothing.
export const POST = apiRoute(async (req: Request) => {
  const actor = await authorizeRequest(req, "wizard:generate");
  const input = await readInput(req, deployRequestSchema);
  return json(await previewDeploy(getInventoryDeps(), actor, input));
});
