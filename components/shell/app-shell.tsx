import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { getEnv } from "@/lib/env";
import { describeCloud } from "@/lib/cloud/create-cloud";
import { CloudBadge } from "./cloud-badge";
import { LanguageSwitch } from "./language-switch";
import { ReadOnlyBadge } from "./read-only-badge";
import type { Permission } from "@/lib/permissions";
import { NAV_ITEMS, type ShellNavKey } from "./nav-items";
import { SideNav } from "./side-nav";

export async function AppShell({ children, userMenu, permissions, badges }: { children: ReactNode; userMenu?: ReactNode; permissions?: readonly Permission[]; badges?: Record<string, ReactNode> }) {
  const t = await getTranslations("shell");
  const tRoot = await getTranslations();
  const items = NAV_ITEMS.filter((item) => !item.permission || permissions?.includes(item.permission)).map((item) => ({
    ...item,
    label: item.labelKey ? tRoot(item.labelKey) : item.namespace ? tRoot(`${item.namespace as "services" | "roles" | "users" | "audit"}.nav`) : t(`nav.${item.key as ShellNavKey}`),
    badge: badges?.[item.href],
  }));
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("skipToContent")}
      </a>
      <header className="flex h-12 shrink-0 items-center justify-between gap-4 border-b border-slate-200 bg-white px-4">
        <Link href="/" className="flex items-baseline gap-2">
          <span className="text-base font-semibold text-slate-900">{t("product")}</span>
          <span className="hidden text-xs text-slate-500 sm:inline">{t("tagline")}</span>
        </Link>
        <div className="flex items-center gap-3">
          {getEnv().ROLESCOPE_READ_ONLY && <ReadOnlyBadge />}
          <CloudBadge cloud={describeCloud(getEnv())} />
          <LanguageSwitch />
          {userMenu}
        </div>
      </header>
      <div className="flex flex-1">
        <aside className="w-52 shrink-0 border-r border-slate-200 bg-slate-50">
          <SideNav items={items} label={t("navLabel")} />
        </aside>
        <main id="main" className="min-w-0 flex-1 px-6 py-5">
          {children}
        </main>
      </div>
    </div>
  );
}
