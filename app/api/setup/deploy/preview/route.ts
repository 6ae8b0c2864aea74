import { requestLocale } from "@/i18n/config";
import { apiRoute, json } from "@/lib/http/api-route";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { deployRequestSchema } from "@/lib/setup/input";
import { previewDeploy } from "@/lib/setup/preview-deploy";

export const dynamic = "force-dynamic";

// Deploy: the CreateService or UpdateService call with its body, and preflight's findings. Writes nothing.
export const POST = apiRoute({ permission: "wizard:generate", body: deployRequestSchema }, async ({ req, actor, body }) => {
  return json(await previewDeploy(getInventoryDeps(), actor, body, requestLocale(req.headers)));
});
