import "server-only";
import { EAS_SERVICE_PRINCIPAL, addServicePrincipal, canAssume, parsePolicy, serializePolicy } from "../policy";
import { AppError } from "../errors/app-error";
import { titled, type FixPlan } from "./catalog";
import { pretty, serviceTarget, type FixContext } from "./context";

const easMayAssume = (doc: string) => {
  const p = parsePolicy(doc, { kind: "trust" });
  return p.ok && canAssume(p.policy, { type: "Service", service: EAS_SERVICE_PRINCIPAL }).decision === "Allow";
};

/** UpdateRole with the trust policy that also names eas.pai.aliyuncs.com; every other statement and principal as it was. */
export function addEasTrust(ctx: FixContext, roleName: string): FixPlan {
  const current = ctx.facts.role?.role?.assumeRolePolicyDocument;
  const parsed = current === undefined ? undefined : parsePolicy(current, { kind: "trust" });
  if (!parsed?.ok) throw AppError.conflict("fixes.trustUnreadable", { role: roleName });
  const after = serializePolicy(addServicePrincipal(parsed.policy, EAS_SERVICE_PRINCIPAL).policy);
  return {
    action: "fix.add_eas_trust",
    target: serviceTarget(ctx),
    ...titled("fix.add-trust-principal", { role: roleName }),
    steps: [
      {
        id: "update-trust",
        operation: "UpdateRole",
        service: "RAM",
        target: roleName,
        params: { RoleName: roleName, NewAssumeRolePolicyDocument: after },
        change: { before: pretty(current!), after: pretty(after) },
        run: (c) => c.ram.updateRoleTrust(roleName, after),
        alreadyDone: async (c) => easMayAssume((await c.ram.getRole(roleName)).assumeRolePolicyDocument),
        changes: [{ kind: "role", name: roleName }],
      },
    ],
  };
}
