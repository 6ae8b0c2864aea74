import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { PolicyJson } from "@/components/policy/policy-json";
import type { RoleDetail } from "@/lib/inventory/role-detail";
import { buildPermissionMatrix } from "@/lib/policy-view/matrix";
import { policyAnchor } from "@/lib/policy-view/policy-lines";
import type { NamedPolicy } from "@/lib/policy/types";
import { PermissionsMatrix } from "./permissions-matrix";

function parsedPolicies(detail: RoleDetail): NamedPolicy[] {
  return detail.policies.flatMap((p) => (p.document ? [{ name: p.name, type: p.type, document: p.document }] : []));
}

export async function PermissionsSection({ detail }: { detail: RoleDetail }) {
  const t = await getTranslations("role-detail");
  const matrix = buildPermissionMatrix(parsedPolicies(detail));
  return (
    <div id="permissions" className="scroll-mt-12">
      <Panel id="permissions-panel" title={t("permissions")}>
        <div className="grid gap-4 xl:grid-cols-[fit-content(50%)_minmax(0,1fr)]">
          <div className="min-w-0">
            <h3 className="mb-1.5 text-xs font-medium text-slate-600">{t("matrix")}</h3>
            <PermissionsMatrix matrix={matrix} />
          </div>
          <div className="min-w-0 space-y-4">
            <h3 className="sr-only">{t("documents")}</h3>
            {detail.policies.map((p) => (
              <section key={`${p.type}:${p.name}`} id={policyAnchor(p.name)} aria-labelledby={`${policyAnchor(p.name)}-name`} className="scroll-mt-24">
                <div className="mb-1.5 flex flex-wrap items-baseline gap-x-2 gap-y-1">
                  <h4 id={`${policyAnchor(p.name)}-name`} className="font-mono text-sm font-semibold text-slate-900">{p.name}</h4>
                  <Badge tone="neutral">{t(`policyType.${p.type}`)}</Badge>
                  <span className="text-xs text-slate-500">
                    {t("version", { version: p.defaultVersion })} · {t("attached", { date: p.attachDate.slice(0, 10) })}
                  </span>
                </div>
                {p.description && (
                  <p className="mb-1.5 text-xs text-slate-600">
                    {/* RAM's GetPolicy takes no language and answers a system policy's description in one (often Chinese): shown as RAM wrote it, marked in its language, and said to be RAM's. */}
                    <span lang={/[\u3400-\u9fff]/.test(p.description) ? "zh-CN" : undefined}>{p.description}</span>
                    {p.type === "System" && <span className="ml-1.5 text-[11px] text-slate-500">{t("descriptionSource")}</span>}
                  </p>
                )}
                <PolicyJson prefix={policyAnchor(p.name)} name={p.name} raw={p.raw} findings={p.lint} />
              </section>
            ))}
          </div>
        </div>
      </Panel>
    </div>
  );
}
