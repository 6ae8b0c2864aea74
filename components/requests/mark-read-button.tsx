"use client";

import { useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { markUpdatesRead } from "@/lib/approvals/mark-updates-read";

export function MarkReadButton() {
  const t = useTranslations("approvals.requests");
  const [pending, start] = useTransition();
  return (
    <Button size="sm" variant="ghost" disabled={pending} onClick={() => start(async () => void (await markUpdatesRead()))}>
      {t("markRead")}
    </Button>
  );
}
