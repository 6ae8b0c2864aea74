import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { CreateUserForm } from "@/components/users/create-user-form";
import { ClientMessages } from "@/components/providers/client-messages";
import { UsersTable } from "@/components/users/users-table";
import { getUserAdminDeps } from "@/lib/auth/server-deps";
import { requireUser } from "@/lib/auth/session";
import { listConsoleUsers } from "@/lib/auth/user-admin";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("users"))("nav") });
export const dynamic = "force-dynamic";

// Admins: the console's users, their roles and RAM links.
export default async function UsersPage() {
  const me = await requireUser("users:manage");
  const t = await getTranslations("users");
  const users = await listConsoleUsers(getUserAdminDeps(), me);
  return (
    <ClientMessages namespaces={["users", "auth.roles"]}>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="grid items-start gap-4 xl:grid-cols-[1fr_18rem]">
        <div className="min-w-0 space-y-2">
          <p className="text-xs text-slate-500">{t("count", { count: users.length })}</p>
          <UsersTable users={users} currentUserId={me.id} />
          <ul className="space-y-0.5 text-xs text-slate-500">
            <li>{t("roleHelp.engineer")}</li>
            <li>{t("roleHelp.admin")}</li>
          </ul>
        </div>
        <Panel title={t("create.title")} id="create-user">
          <CreateUserForm />
        </Panel>
      </div>
    </ClientMessages>
  );
}
