import { getTranslations } from "next-intl/server";
import type { PermissionMatrix, MatrixCell } from "@/lib/policy-view/matrix";
import { policyAnchor, statementAnchor } from "@/lib/policy-view/policy-lines";

const cellTint = { Allow: "bg-emerald-50", Deny: "bg-red-50" } as const;
const refText = { Allow: "text-emerald-800", Deny: "text-red-800" } as const;

async function Cell({ cell }: { cell: MatrixCell }) {
  const t = await getTranslations("policy");
  return (
    <div className="flex flex-col gap-0.5">
      {cell.refs.map((r) => (
        <a
          key={`${r.policy}-${r.statementIndex}`}
          href={`#${statementAnchor(policyAnchor(r.policy), r.statementIndex)}`}
          aria-label={t("matrix.cellLink", { effect: t(`effect.${r.effect}`), policy: r.policy, index: r.statementIndex })}
          title={`${r.policy} · s${r.statementIndex}`}
          className={`inline-flex items-center gap-1 whitespace-nowrap text-xs font-medium hover:underline ${refText[r.effect]}`}
        >
          {t(`effect.${r.effect}`)}
          {cell.wildcard && <span aria-hidden className="font-mono text-slate-500">*</span>}
          {r.conditional && <span aria-hidden className="rounded bg-amber-100 px-1 text-[10px] text-amber-900">{t("matrix.ifMark")}</span>}
        </a>
      ))}
    </div>
  );
}

/** Actions (rows, grouped by service) × resources (columns); each cell links to its statements. */
export async function PermissionsMatrix({ matrix }: { matrix: PermissionMatrix }) {
  const t = await getTranslations("policy.matrix");
  const te = await getTranslations("policy.effect");
  if (matrix.groups.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <div>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full border-collapse text-left text-sm" data-testid="permission-matrix">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
            <tr>
              <th scope="col" className="px-2.5 py-1.5 font-medium">{t("action")}</th>
              {matrix.columns.map((c) => (
                <th key={c.key} scope="col" className="max-w-48 break-all px-2.5 py-1.5 font-mono text-[11px] font-medium" data-resource={c.label}>
                  {c.negated && <span className="font-sans">{t("not")} </span>}
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          {matrix.groups.map((g) => (
            <tbody key={g.service} data-service={g.service}>
              <tr className="border-b border-slate-100 bg-slate-50/60">
                <th scope="rowgroup" colSpan={matrix.columns.length + 1} className="px-2.5 py-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">
                  {g.service === "*" ? t("allServices") : g.service}
                </th>
              </tr>
              {g.rows.map((row) => (
                <tr key={row.key} className="border-b border-slate-100 last:border-0" data-action={row.label}>
                  <th scope="row" className="whitespace-nowrap px-2.5 py-1 font-mono text-xs font-normal text-slate-800">
                    {row.negated && <span className="font-sans text-slate-500">{t("not")} </span>}
                    {row.label}
                  </th>
                  {matrix.columns.map((c) => {
                    const cell = row.cells[c.key];
                    return (
                      <td key={c.key} className={`px-2.5 py-1 align-top ${cell ? cellTint[cell.effect] : ""}`} data-effect={cell?.effect ?? "none"}>
                        {cell ? <Cell cell={cell} /> : <span className="text-slate-300" aria-hidden>·</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <p className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        <span className="sr-only">{t("legend")}:</span>
        <span><span className="font-medium text-emerald-800">{te("Allow")}</span> {t("legendAllow")}</span>
        <span><span className="font-medium text-red-800">{te("Deny")}</span> {t("legendDeny")}</span>
        <span><span className="font-mono">*</span> {t("legendWildcard")}</span>
        <span><span className="rounded bg-amber-100 px-1 text-[10px] text-amber-900">{t("ifMark")}</span> {t("legendConditional")}</span>
      </p>
    </div>
  );
}
