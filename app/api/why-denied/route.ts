import { requestLocale } from "@/i18n/config";
import { getCloud } from "@/lib/cloud";
import { whyDeniedBody } from "@/lib/denials/route-input";
import { whyDenied } from "@/lib/denials/why-denied";
import { apiRoute, json } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// A pasted refusal, decoded by RAM with the console's identity: what was refused, why, and the smallest fix.
export const POST = apiRoute({ permission: "inventory:read", body: whyDeniedBody }, async ({ req, body }) => {
  return json(await whyDenied(getCloud().ram, body.text, requestLocale(req.headers)));
});
