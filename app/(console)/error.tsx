"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";

// The one error boundary of the console's sections: it sits inside the console's layout, so the
// navigation stays; no section layout draws anything of its own around its pages, so a section
// boundary would show the same thing in the same place.
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <ErrorState
      title={t("errorTitle")}
      message={error.message}
      // In production the server hides the message; the digest finds the full error in the server log.
      requestId={error.digest}
      requestIdLabel={t("errorDigest")}
      action={<Button onClick={reset}>{t("retry")}</Button>}
    />
  );
}
