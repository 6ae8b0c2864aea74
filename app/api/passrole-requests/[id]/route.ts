import { getRequest } from "@/lib/approvals/read-requests";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { apiRoute, json } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// One PassRole request: its state, who asked and who decided, the expiry, and the grant's policy and RequestIds.
export const GET = apiRoute({ permission: "passrole:request" }, async ({ actor, params }) => {
  return json(await getRequest(getApprovalDeps(), actor, params.id));
});
