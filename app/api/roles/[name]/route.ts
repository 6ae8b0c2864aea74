import { requestLocale } from "@/i18n/config";
import { apiRoute, json } from "@/lib/http/api-route";
import { z } from "zod";
import { loadRoleDetail, roleNameSchema } from "@/lib/inventory/role-detail";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { withLintMessages } from "@/lib/policy-view/lint-words";

export const dynamic = "force-dynamic";

// One role for the detail page: the role, parsed trust, attached policies with documents, lint, usage.
export const GET = apiRoute({ permission: "inventory:read", params: z.object({ name: roleNameSchema }) }, async ({ req, actor, params }) => {
  const detail = await loadRoleDetail(getInventoryDeps(), actor, params.name);
  // Each lint finding with its message in the reader's language, beside its stable code.
  const locale = requestLocale(req.headers);
  return json({
    ...detail,
    trust: { ...detail.trust, lint: withLintMessages(locale, detail.trust.lint) },
    policies: detail.policies.map((p) => ({ ...p, lint: withLintMessages(locale, p.lint) })),
  });
});
