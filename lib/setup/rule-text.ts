import "server-only";
import { AppError } from "../errors/app-error";
import type { FieldIssue } from "../wizard/rules";
import wizard from "../../messages/en/wizard.json";

/** Bad setup input as the API answers it: each field with its rule, in the catalog's words. */
export function invalidSetup(issues: FieldIssue[], prefix = ""): AppError {
  const fields: Record<string, string> = {};
  for (const i of issues) fields[`${prefix}${i.field}`] ??= wizard.rules[i.rule];
  return AppError.invalid(fields);
}
