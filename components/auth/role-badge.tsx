import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { Role } from "@/lib/permissions";

// Roles are not statuses, so both take the neutral tone; the word carries the meaning.
export async function RoleBadge({ role }: { role: Role }) {
  const t = await getTranslations("auth.roles");
  return <Badge tone="neutral">{t(role)}</Badge>;
}
