import { createRequest } from "@/lib/approvals/create-request";
import { listRequests } from "@/lib/approvals/read-requests";
import { createRequestSchema } from "@/lib/approvals/schemas";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { authorizeRequest } from "@/lib/auth/session";
import { apiRoute, json, readInput } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// PassRole requests: the caller's own (an admin sees everyone's unless `mine=true`), filtered by `state`.
export const GET = apiRoute(async (req: Request) => {
  const actor = await authorizeRequest(req, "passrole:request");
  const query = Object.fromEntries([...new URL(req.url).searchParams].filter(([, v]) => v !== ""));
  return json(await listRequests(getApprovalDeps(), actor, query));
});

// Ask for ram:PassRole on a role for a RAM user (the caller's linked one unless named).
export const POST = apiRoute(async (req: Request) => {
  const actor = await authorizeRequest(req, "passrole:request");
  const body = await readInput(req, createRequestSchema);
  const created = await createRequest(getApprovalDeps(), actor, body);
  return json({ id: created.id, state: created.state }, { status: 201 });
});
