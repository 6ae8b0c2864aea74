import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { RoleBadge } from "@/components/auth/role-badge";
import type { ListedUser } from "@/lib/auth/user-admin";
import { UserRowActions } from "./user-row-actions";

export async function UsersTable({ users, currentUserId }: { users: ListedUser[]; currentUserId: string }) {
  const t = await getTranslations("users");
  return (
    <Table aria-label={t("title")}>
      <THead>
        <tr>
          <TH>{t("columns.username")}</TH>
          <TH>{t("columns.displayName")}</TH>
          <TH>{t("columns.role")}</TH>
          <TH>{t("columns.ramUser")}</TH>
          <TH>{t("columns.status")}</TH>
          <TH>{t("columns.created")}</TH>
          <TH>{t("columns.actions")}</TH>
        </tr>
      </THead>
      <tbody>
        {users.map((u) => (
          <TR key={u.id} data-testid={`user-${u.username}`}>
            <TD className="font-mono text-xs">
              {u.username}
              {u.id === currentUserId && <span className="ml-1.5 font-sans text-slate-500">({t("you")})</span>}
            </TD>
            <TD>{u.displayName}</TD>
            <TD><RoleBadge role={u.role} /></TD>
            <TD className="font-mono text-xs">{u.ramUserName ?? <span className="whitespace-nowrap font-sans text-slate-400">{t("noRamUser")}</span>}</TD>
            <TD>
              {/* Disabled is "off", so neutral; enabled is the healthy state. */}
              <Badge tone={u.disabled ? "neutral" : "success"} dot>{u.disabled ? t("status.disabled") : t("status.enabled")}</Badge>
            </TD>
            <TD className="whitespace-nowrap text-xs text-slate-600">{u.createdAt.slice(0, 10)}</TD>
            <TD className="whitespace-nowrap"><UserRowActions user={u} self={u.id === currentUserId} /></TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}
