import { sendJson } from "@/components/ui/fetch-json";

// "Refresh" asks the console to drop its cached cloud reads for a view (POST /api/refresh); the
// next read of that view goes to the cloud.
export type RefreshScope = { what: "services" } | { what: "roles" } | { what: "service"; region: string; name: string } | { what: "role"; name: string };

export const dropServerCache = (scope: RefreshScope) => sendJson("/api/refresh", "POST", scope);
