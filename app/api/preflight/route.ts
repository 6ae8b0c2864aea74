import { requestLocale } from "@/i18n/config";
import { apiRoute, json } from "@/lib/http/api-route";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { preflightInputSchema, runPreflight } from "@/lib/preflight";

export const dynamic = "force-dynamic";

// Preflight: a service config checked against the account before it is deployed; every finding with its fix.
export const POST = apiRoute({ permission: "inventory:read", body: preflightInputSchema }, async ({ req, actor, body }) => {
  return json(await runPreflight(getInventoryDeps(), actor, body, requestLocale(req.headers)));
});
