import { authorizeRequest } from "@/lib/auth/session";
import { getCloud } from "@/lib/cloud";
import { loadCredentialsStatus } from "@/lib/credentials";
import { getConsoleCredentials } from "@/lib/credentials/server";
import { apiRoute, json } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// The console's own cloud credentials (admins): source, identity, masked key id, expiry, last refresh and error.
export const GET = apiRoute(async (req: Request) => {
  const actor = await authorizeRequest(req, "credentials:read");
  return json(await loadCredentialsStatus({ credentials: getConsoleCredentials(), cloud: getCloud() }, actor));
});
