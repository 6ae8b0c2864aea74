import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/config";
import { getCloud } from "@/lib/cloud";
import type { CloudErrorShape } from "@/lib/cloud/types";
import { describeDenial } from "@/lib/denials/describe";
import { ErrorState } from "@/components/ui/states";

/**
 * A failed cloud call of the console's, rendered on the server: the cloud's code, message and
 * RequestId, and for a refusal the reason RAM decodes from its EncodedDiagnosticMessage.
 */
export async function CloudErrorState({ title, error, action }: { title: ReactNode; error: CloudErrorShape; action?: ReactNode }) {
  const tc = await getTranslations("common");
  const denial = error.accessDenied ? await describeDenial(getCloud().ram, error.accessDenied, (await getLocale()) as Locale) : undefined;
  return <ErrorState title={title} code={error.code} message={error.message} requestId={error.requestId} requestIdLabel={tc("requestId")} denial={denial} action={action} />;
}
