"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";

// Cloud failures are shown by the page itself with their code and RequestId; this catches the rest.
export default function RoleDetailError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("role-detail");
  const tc = useTranslations("common");
  return (
    <ErrorState
      title={t("errorTitle")}
      message={error.message}
      requestId={error.digest}
      requestIdLabel={t("errorDigest")}
      action={<Button onClick={reset}>{tc("retry")}</Button>}
    />
  );
}
