import { revokeRequest } from "@/lib/approvals/revoke-request";
import { revokeSchema } from "@/lib/approvals/schemas";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { toRequestView } from "@/lib/approvals/view";
import { authorizeRequest } from "@/lib/auth/session";
import { apiRoute, json, readInput } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// An admin takes a grant back: the request becomes revoked, then its policy is detached and deleted.
export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await authorizeRequest(req, "approvals:decide");
  const body = await readInput(req, revokeSchema);
  return json(toRequestView(await revokeRequest(getApprovalDeps(), actor, (await ctx.params).id, body)));
});
