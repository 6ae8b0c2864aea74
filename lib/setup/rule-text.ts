import "server-only";
import { AppError } from "../errors/app-error";
import type { FieldRule } from "../errors/render";
import type { FieldIssue } from "../wizard/rules";

/** Bad setup input as the API answers it: each field with its rule, in the wizard catalog's words. */
export function invalidSetup(issues: FieldIssue[], prefix = ""): AppError {
  const fields: Record<string, FieldRule> = {};
  for (const i of issues) fields[`${prefix}${i.field}`] ??= { rule: `wizard.rules.${i.rule}` };
  return AppError.invalid(fields);
}
