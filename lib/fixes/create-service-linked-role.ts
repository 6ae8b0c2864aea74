import "server-only";
import { CloudError } from "../cloud/types";
import { titled, type FixPlan } from "./catalog";
import { serviceTarget, type FixContext } from "./context";

/** CreateServiceLinkedRole for PAI-EAS: the PAI default role, with the policy the service defines for it. */
export function createServiceLinkedRole(ctx: FixContext, serviceName: string, roleName: string): FixPlan {
  return {
    action: "fix.create_service_linked_role",
    target: serviceTarget(ctx),
    ...titled("fix.create-service-linked-role", { role: roleName }),
    steps: [
      {
        id: "create-service-linked-role",
        operation: "CreateServiceLinkedRole",
        service: "RAM",
        target: roleName,
        params: { ServiceName: serviceName },
        change: { before: "", after: roleName },
        run: (c) => c.ram.createServiceLinkedRole(serviceName),
        alreadyDone: (c) => c.ram.getRole(roleName).then(() => true, (e) => (e instanceof CloudError && e.code === "EntityNotExist.Role" ? false : Promise.reject(e))),
        changes: [{ kind: "role", name: roleName }],
      },
    ],
  };
}
