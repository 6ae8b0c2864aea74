import { rejectRequest } from "@/lib/approvals/reject-request";
import { rejectSchema } from "@/lib/approvals/schemas";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { toRequestView } from "@/lib/approvals/view";
import { authorizeRequest } from "@/lib/auth/session";
import { apiRoute, json, readInput } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// An admin (not the requester) turns a pending request down, with a reason the requester sees.
export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await authorizeRequest(req, "approvals:decide");
  const body = await readInput(req, rejectSchema);
  return json(toRequestView(await rejectRequest(getApprovalDeps(), actor, (await ctx.params).id, body)));
});
