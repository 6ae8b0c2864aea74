import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import type { ConsoleUser } from "@/lib/actor";
import { RoleBadge } from "./role-badge";

// The header's account area: who is signed in, their role, and a sign-out that works without JavaScript.
export async function UserMenu({ user }: { user: ConsoleUser }) {
  const t = await getTranslations("auth.menu");
  return (
    <div className="flex items-center gap-2 border-l border-slate-200 pl-3" data-testid="user-menu" aria-label={t("label", { name: user.displayName })} role="group">
      <span className="text-sm text-slate-800" title={user.ramUserName ? t("ramUser", { name: user.ramUserName }) : undefined}>
        {user.displayName}
      </span>
      <RoleBadge role={user.role} />
      <form method="post" action="/api/auth/logout">
        <button type="submit" className={buttonClasses("ghost", "sm")}>
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
