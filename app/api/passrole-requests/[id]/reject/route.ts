import { rejectRequest } from "@/lib/approvals/reject-request";
import { rejectSchema } from "@/lib/approvals/schemas";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { toRequestView } from "@/lib/approvals/view";
import { apiRoute, json } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// An admin (not the requester) turns a pending request down, with a reason the requester sees.
export const POST = apiRoute({ permission: "approvals:decide", body: rejectSchema }, async ({ actor, body, params }) => {
  return json(toRequestView(await rejectRequest(getApprovalDeps(), actor, params.id, body)));
});
