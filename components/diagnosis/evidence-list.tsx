import Link from "next/link";
import { useTranslations } from "next-intl";
import { JsonView } from "@/components/ui/json-view";
import type { Evidence } from "@/lib/diagnosis/types";
import { NeedEvidenceTable } from "./need-evidence";
import { TrustEvidenceView } from "./trust-evidence";

function RequestId({ id }: { id?: string }) {
  const t = useTranslations("diagnosis.evidence");
  if (!id) return null;
  return (
    <span className="ml-2 text-xs text-slate-500">
      {t("requestId")}: <code className="font-mono">{id}</code>
    </span>
  );
}

/** The PassRole request form, filled in with the role and the RAM user. */
const passRoleRequestHref = (roleArn: string, userName: string) =>
  `/requests?${new URLSearchParams({ role: roleArn.slice(roleArn.lastIndexOf("/") + 1), ramUser: userName })}`;

/** One piece of evidence in words, with the document or table that shows it. */
function Item({ e }: { e: Exclude<Evidence, { kind: "event" | "need" }> }) {
  const t = useTranslations("diagnosis.evidence");
  const tc = useTranslations("common");
  switch (e.kind) {
    case "role-missing":
      if (e.reason === "malformed-arn") return <p>{t("roleMalformed", { arn: e.roleArn ?? "" })}</p>;
      if (e.reason === "other-account") return <p>{t("roleOtherAccount", { arn: e.roleArn ?? "" })}</p>;
      return (
        <p>
          {e.cloud ? t("roleMissing", { role: e.roleName ?? "", code: e.cloud.code }) : t("roleMissingNoCall", { role: e.roleName ?? "" })}
          <RequestId id={e.cloud?.requestId} />
        </p>
      );
    case "trust":
      return <TrustEvidenceView e={e} />;
    case "passrole":
      return (
        <div className="space-y-1.5">
          <p>
            {t("passRole", { user: e.userName, uid: e.uid, decision: e.decision, arn: e.roleArn })}{" "}
            {e.deciding ? t("passRoleDeny", { policy: e.deciding.policy, index: e.deciding.statementIndex }) : t("passRoleAbsent")}
          </p>
          <JsonView json={e.required} label={t("passRoleNeeded")} caption={t("passRoleNeeded")} copyLabel={tc("copyNamed", { name: t("passRoleNeeded") })} />
          {/* An explicit Deny is not lifted by a grant, so only an absent Allow is worth asking for. */}
          {!e.deciding && (
            <p className="text-xs">
              <Link href={passRoleRequestHref(e.roleArn, e.userName)} className="text-blue-700 hover:underline">{t("passRoleAsk", { user: e.userName })}</Link>
            </p>
          )}
        </div>
      );
    case "service-linked-role":
      return (
        <p>
          {t("serviceLinkedRole", { role: e.roleName, code: e.cloud?.code ?? "EntityNotExist.Role" })}
          <RequestId id={e.cloud?.requestId} />
        </p>
      );
    case "config-field":
      return <p>{t("configField", { path: e.path, needers: e.neededBy.join(", ") })}</p>;
    case "resources":
      return (
        <p>
          {t("resources", { instances: e.instances, cpu: e.perInstance.cpu, memory: e.perInstance.memory, gpu: e.perInstance.gpu, region: e.region, short: e.short.join(", ") })}
          {e.nodes !== undefined && <> {t("resourcesNodes", { nodes: e.nodes })}</>}
        </p>
      );
    case "image":
      return <p>{e.problem === "no-such-host" ? t("imageHost", { image: e.image, host: e.host ?? "" }) : t("imageRepository", { image: e.image, repository: e.repository ?? "" })}</p>;
    case "instances":
      return (
        <p>
          {t("instances", { names: e.names.join(", ") || "—" })}
          {e.memoryLimitMb !== undefined && <> {t("oomLimit", { limit: e.memoryLimitMb })}</>}
        </p>
      );
  }
}

export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  const needs = evidence.filter((e): e is Extract<Evidence, { kind: "need" }> => e.kind === "need");
  const rest = evidence.filter((e): e is Exclude<Evidence, { kind: "event" | "need" }> => e.kind !== "need" && e.kind !== "event");
  return (
    <div className="space-y-3 text-sm text-slate-800" data-testid="evidence">
      {rest.map((e, i) => (
        <div key={i} data-evidence={e.kind}>
          <Item e={e} />
        </div>
      ))}
      {needs.length > 0 && (
        <div data-evidence="need">
          <NeedEvidenceTable items={needs} />
        </div>
      )}
    </div>
  );
}
