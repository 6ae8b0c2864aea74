import { revokeRequest } from "@/lib/approvals/revoke-request";
import { revokeSchema } from "@/lib/approvals/schemas";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { toRequestView } from "@/lib/approvals/view";
import { apiRoute, json } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// An admin takes a grant back: the request becomes revoked, then its policy is detached and deleted.
export const POST = apiRoute({ permission: "approvals:decide", body: revokeSchema }, async ({ actor, body, params }) => {
  return json(toRequestView(await revokeRequest(getApprovalDeps(), actor, params.id, body)));
});
