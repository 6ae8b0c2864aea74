import { authorizeRequest } from "@/lib/auth/session";
import { apiRoute, json, readInput } from "@/lib/http/api-route";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { roleRequestSchema } from "@/lib/setup/input";
import { previewCreateRole } from "@/lib/setup/preview-create-role";

export const dynamic = "force-dynamic";

// Method 2, "create a role": every cloud call with each document, and the token an admin confirms. Writes nothing.
export const POST = apiRoute(async (req: Request) => {
  const actor = await authorizeRequest(req, "wizard:generate");
  const input = await readInput(req, roleRequestSchema);
  return json(await previewCreateRole(getInventoryDeps(), actor, input));
});
