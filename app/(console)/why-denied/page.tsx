import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { WhyDeniedForm } from "@/components/denials/why-denied-form";
import { PageHeader } from "@/components/ui/page-header";
import { actorCan } from "@/lib/actor";
import { requireUser } from "@/lib/auth/session";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("denials"))("title") });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Why was this denied: a pasted refusal (or a shared link's message), explained by POST /api/why-denied.
export default async function WhyDeniedPage({ searchParams }: Props) {
  const user = await requireUser("inventory:read");
  const t = await getTranslations("denials");
  const message = (await searchParams).message;
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <ClientMessages namespaces={["denials", "common"]}>
        <WhyDeniedForm initial={typeof message === "string" ? message.slice(0, 20_000) : ""} canApply={actorCan(user, "cloud:write")} />
      </ClientMessages>
    </>
  );
}
