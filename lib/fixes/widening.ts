import "server-only";
import { CloudError } from "../cloud/types";
import { parsePolicy, trustedPrincipals } from "../policy";
import { analyseService } from "../readiness/use";
import { fetchRegionServices } from "../inventory/fetch";
import type { ServiceRef } from "../inventory/types";
import type { FixContext } from "./context";

/** What a trust change does beyond the service it heals: who else may then assume the role. */
export interface Widening {
  role: string;
  /** The principal the change lets assume the role. */
  principal: string;
  /** Principals the trust already names (Allow), who share the role with the new one. */
  trusted: { kind: string; value: string }[];
  /** Other EAS services of the console's regions that name the role. */
  services: ServiceRef[];
  /** When the services could not be listed: the cloud's code, so the preview says it does not know. */
  servicesError?: { code: string; requestId?: string };
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Adding a principal to a role's trust widens who may act as the role: whatever the role may do
 * becomes theirs too, for every service and principal that already uses it. The preview names them.
 */
export async function wideningOf(ctx: FixContext, roleName: string, principal: string): Promise<Widening> {
  const doc = ctx.facts.role?.role?.assumeRolePolicyDocument;
  const parsed = doc === undefined ? undefined : parsePolicy(doc, { kind: "trust" });
  const trusted = parsed?.ok
    ? trustedPrincipals(parsed.policy)
        .filter((p) => p.effect === "Allow" && !(p.kind === "Service" && p.value === principal))
        .map(({ kind, value }) => ({ kind, value }))
    : [];
  const self = { region: ctx.region, name: ctx.service.serviceName };
  try {
    const regions = ctx.deps.cloud.eas.regions;
    const lists = await Promise.all(regions.map((r) => fetchRegionServices(ctx.deps, r).then((items) => items.map((s) => ({ region: s.region || r, s })))));
    const services = lists
      .flat()
      .filter(({ region, s }) => !(region === self.region && s.serviceName === self.name))
      .filter(({ s }) => {
        const use = analyseService(s.serviceConfig, s.callerUid);
        return use.roleName !== undefined && same(use.roleName, roleName);
      })
      .map(({ region, s }) => ({ region, name: s.serviceName }));
    return { role: roleName, principal, trusted, services };
  } catch (err) {
    if (!(err instanceof CloudError)) throw err;
    return { role: roleName, principal, trusted, services: [], servicesError: { code: err.code, requestId: err.requestId } };
  }
}
