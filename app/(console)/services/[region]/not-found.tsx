// In the [region] folder: a notFound() from the [name] layout is caught by the boundary above it.
import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState } from "@/components/ui/states";
import { getCurrentUser, PATH_HEADER } from "@/lib/auth/session";
import { lookupService } from "@/lib/inventory/lookup-service";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { isServiceAddress } from "@/lib/service-config/names";

/** Region and name in `/services/<region>/<name>`, when the path holds an address EAS could accept. */
function addressIn(path: string | null): { region: string; name: string } | undefined {
  const m = /^\/services\/([^/?#]+)\/([^/?#]+)/.exec(path ?? "");
  if (!m) return undefined;
  try {
    const [region, name] = [decodeURIComponent(m[1]), decodeURIComponent(m[2])];
    return isServiceAddress(region, name) ? { region, name } : undefined;
  } catch {
    return undefined;
  }
}

// Not-found pages get no params, so the address comes from the path the proxy passes on. A region
// the console does not serve is said so, with those it does; for a service EAS does not have, the
// cached lookup the layout made gives EAS's code and RequestId.
export default async function ServiceNotFound() {
  const t = await getTranslations("service-detail");
  const tc = await getTranslations("common");
  const me = await getCurrentUser();
  const at = me ? addressIn((await headers()).get(PATH_HEADER)) : undefined;
  const back = <Link href="/services" className="text-sm text-blue-700 underline">{t("backToServices")}</Link>;
  const header = (title: string, region?: string) => (
    <PageHeader title={title} description={region} breadcrumb={<Link href="/services" className="text-slate-600 hover:underline">{t("breadcrumb")}</Link>} />
  );
  if (!at || !me) return <ErrorState title={t("notFoundTitle")} action={back} />;
  const deps = getInventoryDeps();
  const regions = deps.cloud.eas.regions;
  if (!regions.includes(at.region)) {
    return (
      <>
        {header(at.name, at.region)}
        <ErrorState title={t("unknownRegion", { region: at.region })} message={t("servedRegions", { regions: regions.join(", ") })} action={back} />
      </>
    );
  }
  const found = await lookupService(deps, me, at.region, at.name).catch(() => undefined);
  return (
    <>
      {header(at.name, at.region)}
      <ErrorState
        title={t("notFoundNamed", { name: at.name, region: at.region })}
        code={found?.missing?.code}
        message={found?.missing?.message}
        requestId={found?.missing?.requestId}
        requestIdLabel={tc("requestId")}
        action={back}
      />
    </>
  );
}
