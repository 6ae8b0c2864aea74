import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ErrorState } from "@/components/ui/states";
import { RoleNotFound } from "@/components/role-detail/role-not-found";
import { getCurrentUser, PATH_HEADER } from "@/lib/auth/session";
import { lookupRole, roleNameSchema } from "@/lib/inventory/role-detail";
import { getInventoryDeps } from "@/lib/inventory/server-deps";

/** The role name in `/roles/<name>`, when the path holds one RAM could accept. */
function roleNameIn(path: string | null): string | undefined {
  const segment = /^\/roles\/([^/?#]+)/.exec(path ?? "")?.[1];
  if (!segment) return undefined;
  try {
    const name = roleNameSchema.safeParse(decodeURIComponent(segment));
    return name.success ? name.data : undefined;
  } catch {
    return undefined;
  }
}

// In the roles folder: a notFound() from the [name] layout is caught by the boundary above it, as
// a real HTTP 404. Not-found pages get no params, so the role comes from the path the proxy
// passes on; for a role RAM does not have, the cached lookup the layout made gives RAM's code and
// RequestId. A name RAM could never accept was refused before any cloud call.
export default async function RoleNameNotFound() {
  const t = await getTranslations("role-detail");
  const me = await getCurrentUser();
  const name = me ? roleNameIn((await headers()).get(PATH_HEADER)) : undefined;
  const lookup = name ? await lookupRole(getInventoryDeps(), me!, name).catch(() => undefined) : undefined;
  if (name && lookup?.missing) {
    return <RoleNotFound name={name} code={lookup.missing.code} message={lookup.missing.message} requestId={lookup.missing.requestId} />;
  }
  return (
    <ErrorState
      title={t("invalidName")}
      action={<Link href="/roles" className="text-sm text-blue-700 underline">{t("backToRoles")}</Link>}
    />
  );
}
