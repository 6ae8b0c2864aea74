import "server-only";
import { requirePermission, type Actor } from "../../actor";
import type { EasService } from "../../cloud/types";
import type { InventoryDeps } from "../deps";
import { fetchService } from "../fetch";
import { diagnose } from "../../diagnosis/diagnose";
import { serviceHealth, type RoleHealth } from "../../diagnosis/health";
import { FAILING_STATUSES } from "../../diagnosis/stages";
import type { Diagnosis, DiagnosisFacts, InstanceState } from "../../diagnosis/types";
import { FactSource } from "./fact-source";
import { gatherFixInputs } from "./fix-inputs";
import { gatherServiceFacts, serviceEvent } from "./service-facts";

export interface ServiceDiagnosis {
  service: EasService;
  facts: DiagnosisFacts;
  diagnosis: Diagnosis;
  health: RoleHealth;
}

/** A service's diagnosis from its Reason and Message and the account's facts, with the inputs its fixes need. */
export async function loadDiagnosis(deps: InventoryDeps, actor: Actor, region: string, name: string): Promise<ServiceDiagnosis> {
  requirePermission(actor, "inventory:read");
  const service = await fetchService(deps, region, name);
  const src = new FactSource(deps);
  const base = await gatherServiceFacts(src, { ...service, region: service.region || region });
  const input = { status: service.status, event: serviceEvent(service), instances: await instancesOf(deps, service) };
  const first = diagnose({ ...input, facts: base });
  const facts: DiagnosisFacts = { ...base, fixInputs: await gatherFixInputs(deps, src, base, first.cause.code) };
  const diagnosis = diagnose({ ...input, facts });
  return { service, facts, diagnosis, health: serviceHealth(facts, diagnosis) };
}

/** A failed service's instances, read live: their exit codes and restarts are state the diagnosis reads before any words. */
async function instancesOf(deps: InventoryDeps, service: EasService): Promise<InstanceState[] | undefined> {
  if (!FAILING_STATUSES.has(service.status)) return undefined;
  const page = await deps.limiter.run(() => deps.cloud.eas.listServiceInstances(service.region, service.serviceName));
  return page.items.map((i) => ({ name: i.instanceName, status: i.status, reason: i.reason, restartCount: i.restartCount, ...(i.exitCode !== undefined ? { exitCode: i.exitCode } : {}) }));
}
