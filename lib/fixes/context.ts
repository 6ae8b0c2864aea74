import "server-only";
import type { EasService } from "../cloud/types";
import type { DiagnosisFacts } from "../diagnosis/types";
import type { InventoryDeps } from "../inventory/deps";

/** What every fix plan is built from: the service as read, its facts, and reads for what they lack. */
export interface FixContext {
  deps: InventoryDeps;
  region: string;
  service: EasService;
  facts: DiagnosisFacts;
}

/** Audit target of every fix: the service it heals. */
export const serviceTarget = (ctx: FixContext) => `${ctx.region}/${ctx.service.serviceName}`;

export const pretty = (json: string) => {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
};
