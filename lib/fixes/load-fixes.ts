import "server-only";
import type { Actor } from "../actor";
import { loadDiagnosis, type ServiceDiagnosis } from "../inventory/gather/load-diagnosis";
import type { InventoryDeps } from "../inventory/deps";
import { planFix, type FixOptions, type PlannedFix } from "./plan-fix";

export interface DiagnosisWithFixes extends ServiceDiagnosis {
  fixes: PlannedFix[];
}

/** A service's diagnosis with each fix it offers planned and previewed; nothing is written. */
export async function loadFixes(deps: InventoryDeps, actor: Actor, region: string, name: string, options: FixOptions = {}): Promise<DiagnosisWithFixes> {
  const sd = await loadDiagnosis(deps, actor, region, name);
  const ctx = { deps, region, service: sd.service, facts: sd.facts };
  const fixes = await Promise.all(sd.diagnosis.fixes.map((p) => planFix(ctx, p, options)));
  return { ...sd, fixes };
}
