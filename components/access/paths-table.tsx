import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { AccessPath, StatementRef } from "@/lib/access/types";

const kindTone = { assume: "info", "pass-to-eas": "warning", chain: "neutral" } as const;

function Statement({ s }: { s: StatementRef }) {
  return (
    <span className="font-mono">
      {s.policy}#{s.statementIndex}
      {s.group && <span className="ml-1 font-sans text-slate-500">({s.group})</span>}
    </span>
  );
}

/** Every path with its deciding statements and its cut: the facts the drawing shows, for everyone. */
export async function PathsTable({ paths, label, testId = "access-paths" }: { paths: AccessPath[]; label: string; testId?: string }) {
  const t = await getTranslations("access.paths");
  return (
    <Table aria-label={label} data-testid={testId}>
      <THead>
        <tr>
          <TH>{t("principal")}</TH>
          <TH>{t("how")}</TH>
          <TH>{t("through")}</TH>
          <TH>{t("statements")}</TH>
          <TH>{t("cut")}</TH>
        </tr>
      </THead>
      <tbody>
        {paths.map((p) => (
          <TR key={`${p.principal.type}:${p.principal.name}:${p.kind}:${p.roles.join(">")}`} data-principal={`${p.principal.type}:${p.principal.name}`} data-kind={p.kind}>
            <TD className="whitespace-nowrap text-xs">
              <span className="mr-1.5 text-slate-500">{t(`principalType.${p.principal.type}`)}</span>
              {p.principal.type === "role" ? (
                <Link className="font-mono text-blue-700 hover:underline" href={`/roles/${encodeURIComponent(p.principal.name)}`}>{p.principal.name}</Link>
              ) : (
                <span className="font-mono">{p.principal.name}</span>
              )}
            </TD>
            <TD><Badge tone={kindTone[p.kind]}>{t(`kind.${p.kind}`)}</Badge></TD>
            <TD className="break-words font-mono text-xs">{p.roles.join(" → ")}</TD>
            <TD className="text-xs">
              <ul className="space-y-0.5">
                {p.edges.map((e, i) => (
                  <li key={i}>
                    <span className="text-slate-600">{e.via}</span> <Statement s={e.statement} />
                  </li>
                ))}
              </ul>
            </TD>
            <TD className="text-xs">
              <span className="text-slate-600">{p.cut.via}</span> <Statement s={p.cut.statement} />
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}
