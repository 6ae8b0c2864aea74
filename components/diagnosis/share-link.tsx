"use client";

import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";

const noSubscribe = () => () => undefined;

/** For engineers: what to send an admin, a link straight to this diagnosis. */
export function ShareLink({ path, askAdmin }: { path: string; askAdmin: boolean }) {
  const t = useTranslations("diagnosis.panel");
  // The server does not know the address the browser reached it at; the browser does.
  const origin = useSyncExternalStore(noSubscribe, () => window.location.origin, () => "");
  const url = origin ? new URL(path, origin).toString() : path;
  return (
    <div className="space-y-1.5 rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm" data-testid="ask-admin">
      <p className="text-slate-700">{askAdmin ? t("askAdmin") : t("shareOnly")}</p>
      <p className="flex items-center gap-2">
        <a href={path} className="break-all font-mono text-xs text-blue-700 hover:underline" aria-label={t("shareLink")}>
          {url}
        </a>
        <CopyButton value={url} label={t("copyLink")} />
      </p>
    </div>
  );
}
