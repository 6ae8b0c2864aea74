import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ErrorState } from "@/components/ui/states";

// In the roles folder: a notFound() from the [name] layout (a name RAM could never accept,
// refused before any cloud call) is caught by the boundary above it, as a real HTTP 404.
export default async function RoleNameNotFound() {
  const t = await getTranslations("role-detail");
  return (
    <ErrorState
      title={t("invalidName")}
      action={<Link href="/roles" className="text-sm text-blue-700 underline">{t("backToRoles")}</Link>}
    />
  );
}
