import { approveRequest } from "@/lib/approvals/approve-request";
import { approveSchema } from "@/lib/approvals/schemas";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { toRequestView } from "@/lib/approvals/view";
import { authorizeRequest } from "@/lib/auth/session";
import { apiRoute, json, readInput } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// An admin (not the requester) approves, optionally for less time; the grant is made before the answer.
export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await authorizeRequest(req, "approvals:decide");
  const body = await readInput(req, approveSchema);
  return json(toRequestView(await approveRequest(getApprovalDeps(), actor, (await ctx.params).id, body)));
});
