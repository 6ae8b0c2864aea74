import { createRequest } from "@/lib/approvals/create-request";
import { listRequests } from "@/lib/approvals/read-requests";
import { createRequestSchema } from "@/lib/approvals/schemas";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { apiRoute, json } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// PassRole requests: the caller's own (an admin sees everyone's unless `mine=true`), filtered by `state`.
// The query is checked by listRequests, which the requests page calls with its own search params.
export const GET = apiRoute({ permission: "passrole:request" }, async ({ actor, req }) => {
  const query = Object.fromEntries([...new URL(req.url).searchParams].filter(([, v]) => v !== ""));
  return json(await listRequests(getApprovalDeps(), actor, query));
});

// Ask for ram:PassRole on a role for a RAM user (the caller's linked one unless named).
export const POST = apiRoute({ permission: "passrole:request", body: createRequestSchema }, async ({ actor, body }) => {
  const created = await createRequest(getApprovalDeps(), actor, body);
  return json({ id: created.id, state: created.state }, { status: 201 });
});
