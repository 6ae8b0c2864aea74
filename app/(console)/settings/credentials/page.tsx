import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsolePolicyPanel } from "@/components/settings/console-policy-panel";
import { CredentialChain } from "@/components/settings/credential-chain";
import { CredentialsInUse } from "@/components/settings/credentials-in-use";
import { PageHeader } from "@/components/ui/page-header";
import { isReadOnly } from "@/lib/cloud/read-only";
import { requireUser } from "@/lib/auth/session";
import { getCloud } from "@/lib/cloud";
import { CLOUD_OPERATIONS } from "@/lib/cloud/operations";
import { loadCredentialsView } from "@/lib/cloud/credentials-status";
import { getConsoleCredentials } from "@/lib/credentials/server-deps";
import { buildConsolePolicy, serializePolicy } from "@/lib/policy";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("settings"))("nav") });
export const dynamic = "force-dynamic";

// Admins: the console's own cloud identity, where its credentials come from, and the policy it needs.
export default async function CredentialsPage() {
  const me = await requireUser("credentials:read");
  const t = await getTranslations("settings.credentials");
  const view = await loadCredentialsView({ credentials: getConsoleCredentials(), cloud: getCloud() }, me);
  const readOnly = isReadOnly();
  const policy = serializePolicy(buildConsolePolicy(CLOUD_OPERATIONS, { mode: readOnly ? "read-only" : "full" }), { pretty: true });
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,28rem)]">
        <div className="min-w-0 space-y-4">
          <CredentialsInUse view={view} />
          {view.chain.length > 0 && <CredentialChain chain={view.chain} />}
        </div>
        <ConsolePolicyPanel readOnly={readOnly} policyJson={policy} />
      </div>
    </>
  );
}
