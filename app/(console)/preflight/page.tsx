import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { listDeployers, listServiceRefs, loadServiceSource } from "@/lib/preflight/service-source";
import { PageHeader } from "@/components/ui/page-header";
import { PreflightForm } from "@/components/preflight/preflight-form";
import { ClientMessages } from "@/components/providers/client-messages";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("preflight"))("title") });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Preflight: paste a service config or pick a deployed service; every finding with its fix, from POST /api/preflight.
export default async function PreflightPage({ searchParams }: Props) {
  const user = await requireUser("inventory:read");
  const t = await getTranslations("preflight");
  const deps = getInventoryDeps();
  const picked = (await searchParams).service;
  const ref = typeof picked === "string" ? /^([a-z0-9-]+)\/(.+)$/.exec(picked) : null;
  const [services, users, source] = await Promise.all([
    listServiceRefs(deps, user),
    listDeployers(deps, user),
    ref ? loadServiceSource(deps, user, ref[1], ref[2]) : Promise.resolve(undefined),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <ClientMessages namespaces={["preflight"]}>
        <PreflightForm
          key={picked ? String(picked) : "paste"}
          regions={deps.cloud.eas.regions}
          services={services}
          users={users}
          linkedRamUser={user.ramUserName ?? null}
          picked={typeof picked === "string" ? picked : ""}
          source={source}
          missing={ref !== null && source === undefined}
        />
      </ClientMessages>
    </>
  );
}
