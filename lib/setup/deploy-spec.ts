import "server-only";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/config";
import { AppError } from "../errors/app-error";
import { rule } from "../errors/render";
import type { Actor } from "../actor";
import { CloudError, type EasService } from "../cloud/types";
import { tags } from "../inventory/cache-tags";
import type { InventoryDeps } from "../inventory/deps";
import { fetchService } from "../inventory/fetch";
import { runPreflight, type PreflightAnswer } from "../preflight";
import { parseServiceConfig } from "../service-config";
import { checkPattern, type FieldIssue } from "../wizard/rules";
import { deployPlan } from "./deploy-plan";
import type { DeployRequest } from "./input";
import { invalidSetup } from "./rule-text";

/** The deploy a setup would make, and what preflight says of its config; reads the service afresh. */
export async function buildDeployPlan(deps: InventoryDeps, actor: Actor, req: DeployRequest, locale: Locale = DEFAULT_LOCALE) {
  const issues: FieldIssue[] = [
    ...checkPattern("region", req.region, "region"),
    ...checkPattern("config.name", typeof req.config.name === "string" ? req.config.name : "", "serviceName"),
    ...checkPattern("deployer", req.deployer ?? "", "userName", { required: false }),
  ];
  if (issues.length === 0 && !deps.cloud.eas.regions.includes(req.region)) issues.push({ field: "region", rule: "regionNotServed" });
  if (issues.length > 0) throw invalidSetup(issues);
  const parsed = parseServiceConfig(JSON.stringify(req.config));
  if (!parsed.ok) throw AppError.invalid({ config: rule("text", { text: parsed.error }) });
  const name = req.config.name as string;
  // Create or update is decided by what the cloud holds now, not by a cached read.
  deps.cache.invalidate({ tags: [tags.service(req.region, name)] });
  const existing = await fetchService(deps, req.region, name).catch((err: unknown): EasService | undefined => {
    if (err instanceof CloudError && err.httpStatus === 404) return undefined;
    throw err;
  });
  const preflight: PreflightAnswer = await runPreflight(deps, actor, { config: req.config, region: req.region, ...(req.deployer ? { deployer: req.deployer } : {}) }, locale);
  return { plan: deployPlan(req.region, req.config, existing), preflight, existing: existing !== undefined };
}
