import { apiRoute, json } from "@/lib/http/api-route";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { roleRequestSchema } from "@/lib/setup/input";
import { previewCreateRole } from "@/lib/setup/preview-create-role";

export const dynamic = "force-dynamic";

// Method 2, "create a role": every cloud call with each document, and the token an admin confirms. Writes nothing.
export const POST = apiRoute({ permission: "wizard:generate", body: roleRequestSchema }, async ({ actor, body }) => {
  return json(await previewCreateRole(getInventoryDeps(), actor, body));
});
