import { approveRequest } from "@/lib/approvals/approve-request";
import { approveSchema } from "@/lib/approvals/schemas";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { toRequestView } from "@/lib/approvals/view";
import { apiRoute, json } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// An admin (not the requester) approves, optionally for less time; the grant is made before the answer.
export const POST = apiRoute({ permission: "approvals:decide", body: approveSchema }, async ({ actor, body, params }) => {
  return json(toRequestView(await approveRequest(getApprovalDeps(), actor, params.id, body)));
});
