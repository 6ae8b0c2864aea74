import { cancelRequest } from "@/lib/approvals/cancel-request";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { toRequestView } from "@/lib/approvals/view";
import { apiRoute, json } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// The requester withdraws a request that is still pending.
export const POST = apiRoute({ permission: "passrole:request" }, async ({ actor, params }) => {
  return json(toRequestView(await cancelRequest(getApprovalDeps(), actor, params.id)));
});
