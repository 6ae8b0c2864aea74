"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

/** "in 14 min 59 s", counting down each second; `renderedAt` keeps the server's and the browser's first text the same. */
export function ExpiryCountdown({ expiresAt, renderedAt }: { expiresAt: string; renderedAt: number }) {
  const t = useTranslations("settings.countdown");
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.floor((Date.parse(expiresAt) - now) / 1000);
  if (left <= 0) return <span data-testid="expiry-countdown" className="text-red-800">{t("expired")}</span>;
  const h = Math.floor(left / 3600);
  const m = Math.floor((left % 3600) / 60);
  const s = left % 60;
  const time = h > 0 ? t("hms", { h, m, s }) : m > 0 ? t("ms", { m, s }) : t("s", { s });
  return (
    <span data-testid="expiry-countdown" className="tabular-nums text-slate-600">
      {t("in", { time })}
    </span>
  );
}
