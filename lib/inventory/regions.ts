import { AppError } from "../errors/app-error";
import { rule } from "../errors/render";

/** The regions asked for, checked against those the console serves; all of them when none is named. */
export function pickRegions(asked: string[] | undefined, served: readonly string[]): string[] {
  if (!asked || asked.length === 0) return [...served];
  const unknown = asked.filter((r) => !served.includes(r));
  if (unknown.length > 0) throw AppError.invalid({ region: rule("regionServed", { served: served.join(", "), unknown: unknown.join(", ") }) });
  return [...new Set(asked)];
}
