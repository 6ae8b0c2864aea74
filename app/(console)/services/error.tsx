"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";

export default function ServicesError({ error, reset }: { error: Error & { digest?: string; code?: string; requestId?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <ErrorState
      title={t("errorTitle")}
      code={error.code}
      message={error.message}
      requestId={error.requestId}
      requestIdLabel={t("requestId")}
      action={<Button onClick={reset}>{t("retry")}</Button>}
    />
  );
}
