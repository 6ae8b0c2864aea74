import "server-only";
import { requirePermission, type Actor } from "../actor";
import { assertCloudWritable } from "../cloud/read-only";
import { AppError } from "../errors/app-error";
import { rule } from "../errors/render";
import { previewPlan, type WritePlan } from "../writes/plan";
import { claimPlan } from "../writes/claim";
import { runPlan, type PlanOutcome, type StepOutcome, type WriteDeps } from "../writes/run-plan";

// The setup's writes run through runPlan, which checks all of this again; checking here first
// lets the API refuse with a plain error before it starts streaming the steps' progress.

function assertWritable(deps: WriteDeps, actor: Actor): void {
  requirePermission(actor, "cloud:write");
  assertCloudWritable(deps.readOnly);
}

function assertApplicable(deps: WriteDeps, actor: Actor, plan: WritePlan, token: string): void {
  assertWritable(deps, actor);
  if (previewPlan(plan).token !== token) {
    throw new AppError("conflict", "writes.planDiffers", {
      fields: { token: rule("previewToken") },
    });
  }
}

export interface ApplyRun {
  plan: WritePlan;
  run(onStep?: (s: StepOutcome) => void): Promise<PlanOutcome>;
}

/**
 * Claims the token first, then builds the plan: of applies racing on one token only the claimant
 * reads the account, and one that comes after it finishes builds from what it changed. The claim
 * is released when the run ends (or at once when building or checking fails).
 */
export async function applyRun(deps: WriteDeps, actor: Actor, token: string, build: () => Promise<WritePlan>): Promise<ApplyRun> {
  assertWritable(deps, actor);
  const release = await claimPlan(deps, token);
  try {
    const plan = await build();
    assertApplicable(deps, actor, plan, token);
    return { plan, run: (onStep) => runPlan(deps, actor, plan, { token }, onStep).finally(release) };
  } catch (err) {
    await release();
    throw err;
  }
}
