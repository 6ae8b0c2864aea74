import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { RoleBadge } from "@/components/auth/role-badge";
import type { ListedUser, RamLinkState } from "@/lib/auth/user-admin";
import type { Tone } from "@/components/ui/tone";
import { UserRowActions } from "./user-row-actions";

// A link to a RAM user the account lacks breaks PassRole grants for that person: flagged.
const RAM_TONE: Record<RamLinkState, Tone> = { exists: "success", missing: "danger", unknown: "neutral" };

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
            <TD className="text-xs">
              {u.ramUserName ? (
                <span className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5">
                  <span className="font-mono">{u.ramUserName}</span>
                  {u.ramUserState && (
                    <Badge tone={RAM_TONE[u.ramUserState]} title={t(`ramState.${u.ramUserState}Title`)}>{t(`ramState.${u.ramUserState}`)}</Badge>
                  )}
                </span>
              ) : (
                <span className="whitespace-nowrap text-slate-400">{t("noRamUser")}</span>
              )}
            </TD>
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
