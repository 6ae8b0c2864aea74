import { getRequest } from "@/lib/approvals/read-requests";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { authorizeRequest } from "@/lib/auth/session";
import { apiRoute, json } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// One PassRole request: its state, who asked and who decided, the expiry, and the grant's policy and RequestIds.
export const GET = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await authorizeRequest(req, "passrole:request");
  return json(await getRequest(getApprovalDeps(), actor, (await ctx.params).id));
});
