import { apiRoute, json } from "@/lib/http/api-route";
import { runSimulation } from "@/lib/access/run-simulation";
import { simulateSchema } from "@/lib/access/schemas";
import { getInventoryDeps } from "@/lib/inventory/server-deps";

export const dynamic = "force-dynamic";

// The policy simulator: one request decided for a RAM role or user (group policies included), some policies left out if asked.
export const POST = apiRoute({ permission: "inventory:read", body: simulateSchema }, async ({ actor, body }) => {
  const r = await runSimulation(getInventoryDeps(), actor, body);
  return json({ decision: r.decision, matched: r.matched, missingContextKeys: r.missingContextKeys, ...(r.dependsOnMissingKeys ? { dependsOnMissingKeys: true } : {}) });
});
