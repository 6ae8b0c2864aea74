import { getTranslations } from "next-intl/server";

const SECTIONS = [
  ["trust", "trust"],
  ["permissions", "permissions"],
  ["lint", "lint"],
  ["simulator", "simulator"],
  ["access", "access"],
  ["usage", "usage"],
  ["activity", "activity"],
] as const;

export async function SectionNav({ findings }: { findings: number }) {
  const t = await getTranslations("role-detail");
  return (
    <nav aria-label={t("sections")} className="sticky top-0 z-10 -mx-6 mb-4 border-b border-slate-200 bg-slate-100/95 px-6 py-1.5 backdrop-blur">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {SECTIONS.map(([id, key]) => (
          <li key={id}>
            <a href={`#${id}`} className="text-slate-700 hover:text-blue-700 hover:underline">
              {t(key)}
              {id === "lint" && findings > 0 && <span className="ml-1 rounded bg-slate-200 px-1 text-xs text-slate-700">{findings}</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
