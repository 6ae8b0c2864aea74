import "server-only";
import { titled, type FixPlan } from "./catalog";
import { serviceTarget, type FixContext } from "./context";
import { updateServiceStep } from "./update-service-config";

/** UpdateService with metadata.workspace_id, which the PAI default role needs to reach OSS. */
export function addWorkspaceId(ctx: FixContext, workspaceId: string): FixPlan {
  return {
    action: "fix.add_workspace_id",
    target: serviceTarget(ctx),
    ...titled("fix.add-workspace-id", { workspace: workspaceId }),
    steps: [
      updateServiceStep(ctx, { metadata: { workspace_id: workspaceId } }, (config) => {
        const ws = (config.metadata as { workspace_id?: unknown } | undefined)?.workspace_id;
        return ws !== undefined && ws !== null && String(ws) !== "";
      }),
    ],
  };
}
