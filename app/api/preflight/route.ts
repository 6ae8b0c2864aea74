import { authorizeRequest } from "@/lib/auth/session";
import { apiRoute, json, readInput } from "@/lib/http/api-route";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { preflightInputSchema, runPreflight } from "@/lib/preflight";

export const dynamic = "force-dynamic";

// Preflight: a service config checked against the account before it is deployed; every finding with its fix.
export const POST = apiRoute(async (req: Request) => {
  const actor = await authorizeRequest(req, "inventory:read");
  const input = await readInput(req, preflightInputSchema);
  return json(await runPreflight(getInventoryDeps(), actor, input));
});
