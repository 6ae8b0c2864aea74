import { usesOss, validateNeeds } from "./needs";
import { recommendMethod } from "./recommend";
import { checkPattern, MAX_DESCRIPTION, type FieldIssue } from "./rules";
import { codePathOf, type SetupState, type Step } from "./state";

// Which steps a setup goes through, and what each step asks before the next one may start.

/** The method chosen, or else the one the needs recommend. */
export const methodOf = (s: SetupState): 1 | 2 => s.method ?? recommendMethod(s.needs).method;

export function stepsFor(s: SetupState): Step[] {
  const method = methodOf(s);
  if (method === 1) return ["needs", "method", "method1", "deploy"];
  return s.roleSource === "existing" ? ["needs", "method", "role", "outputs", "deploy"] : ["needs", "method", "role", "preview", "outputs", "deploy"];
}

function outputIssues(s: SetupState): FieldIssue[] {
  return [...checkPattern("serviceName", s.serviceName, "serviceName"), ...checkPattern("codePath", codePathOf(s), "codePath")];
}

/** What is wrong with the answers of one step; [] when it is complete. */
export function stepIssues(s: SetupState, step: Step, regions: readonly string[]): FieldIssue[] {
  switch (step) {
    case "needs":
      return validateNeeds(s.needs, regions);
    case "method1":
      return [...checkPattern("workspaceId", s.workspaceId, "workspaceId", { required: usesOss(s.needs) }), ...outputIssues(s)];
    case "role":
      if (!s.roleSource) return [{ field: "roleSource", rule: "required" }];
      return [
        ...checkPattern("roleName", s.roleName, "roleName"),
        ...(s.roleSource === "new" && s.description.length > MAX_DESCRIPTION ? [{ field: "description", rule: "descriptionLength" as const }] : []),
      ];
    case "outputs":
      return [...outputIssues(s), ...checkPattern("deployer", s.deployer ?? "", "userName", { required: false })];
    default:
      return [];
  }
}

/** The first step before `step` that is not complete: the page sends the user back there. */
export function firstIncomplete(s: SetupState, step: Step, regions: readonly string[]): Step | undefined {
  const steps = stepsFor(s);
  const upTo = steps.indexOf(step);
  return steps.slice(0, upTo < 0 ? steps.length : upTo).find((st) => stepIssues(s, st, regions).length > 0);
}
