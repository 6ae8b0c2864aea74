import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto mt-24 max-w-md text-center">
      <h1 className="text-lg font-semibold">{t("notFound")}</h1>
      <p className="mt-2 text-sm"><Link className="text-blue-700 underline" href="/">RoleScope</Link></p>
    </main>
  );
}
