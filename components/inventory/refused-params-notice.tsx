import { getFormatter, getTranslations } from "next-intl/server";
import { ListNotice } from "@/components/ui/list-notice";
import type { RefusedParam } from "@/lib/inventory/query";

const SHOWN_VALUE = 40;

/**
 * Says which parameters of the address a list left out and why, each in the catalog's words for
 * its field and rule (the API's own rule text is English only).
 */
export async function RefusedParamsNotice({ refused, fields }: { refused: RefusedParam[]; fields: Record<string, string> }) {
  if (refused.length === 0) return null;
  const t = await getTranslations("lists.badParams");
  const format = await getFormatter();
  const sentence = ({ name, kind }: RefusedParam): string => {
    const field = fields[name] ?? name;
    if (name === "region") return t("rule.region");
    if (name === "status") return t("rule.status", { field });
    switch (kind.rule) {
      case "too_long":
        return t("rule.too_long", { field, limit: kind.limit });
      case "too_big":
        return t("rule.too_big", { field, limit: String(kind.limit) });
      case "too_small":
        return t("rule.too_small", { field, limit: String(kind.limit) });
      case "one_of":
        return t("rule.one_of", { field, values: format.list(kind.values, { type: "disjunction" }) });
      case "type":
        return kind.expected === "number" || kind.expected === "int" ? t("rule.number", { field }) : t("rule.other", { field });
      default:
        return t("rule.other", { field });
    }
  };
  return (
    <ListNotice title={t("title")} dismissLabel={t("dismiss")} testId="refused-params">
      <ul className="space-y-0.5">
        {refused.map((r) => (
          <li key={r.name}>
            <code className="mr-1.5 break-all font-mono text-xs">
              {r.name}={r.value.length > SHOWN_VALUE ? `${r.value.slice(0, SHOWN_VALUE)}…` : r.value}
            </code>
            {sentence(r)}
          </li>
        ))}
      </ul>
    </ListNotice>
  );
}
