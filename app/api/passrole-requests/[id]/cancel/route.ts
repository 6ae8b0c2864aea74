import { cancelRequest } from "@/lib/approvals/cancel-request";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { toRequestView } from "@/lib/approvals/view";
import { authorizeRequest } from "@/lib/auth/session";
import { apiRoute, json } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// The requester withdraws a request that is still pending.
export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await authorizeRequest(req, "passrole:request");
  return json(toRequestView(await cancelRequest(getApprovalDeps(), actor, (await ctx.params).id)));
});
