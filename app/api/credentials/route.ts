import { getCloud } from "@/lib/cloud";
import { loadCredentialsStatus } from "@/lib/cloud/credentials-status";
import { getConsoleCredentials } from "@/lib/credentials/server-deps";
import { apiRoute, json } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// The console's own cloud credentials (admins): source, identity, masked key id, expiry, last refresh and error.
export const GET = apiRoute({ permission: "credentials:read" }, async ({ actor }) => {
  return json(await loadCredentialsStatus({ credentials: getConsoleCredentials(), cloud: getCloud() }, actor));
});
