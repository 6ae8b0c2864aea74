import "server-only";
import type { EasService } from "../cloud/types";
import type { WritePlan } from "../writes/plan";

// The optional last step of a setup: create the EAS service with the generated config, or
// replace the config of the service of that name when it exists already.

const pretty = (json: string) => {
  try {
    return `${JSON.stringify(JSON.parse(json), null, 2)}\n`;
  } catch {
    return json;
  }
};

export function deployPlan(region: string, config: Record<string, unknown>, existing?: EasService): WritePlan {
  const name = String(config.name);
  const body = `${JSON.stringify(config, null, 2)}\n`;
  const target = `${region}/${name}`;
  const changes = [{ kind: "service" as const, region, name }];
  const step: WritePlan["steps"][number] = existing
    ? {
        id: "update-service",
        operation: "UpdateService",
        service: "EAS",
        target,
        params: { ClusterId: region, ServiceName: name, UpdateType: "replace", Body: body },
        change: { before: pretty(existing.serviceConfig), after: body },
        run: (c) => c.eas.updateService(region, name, body, "replace"),
        changes,
      }
    : {
        id: "create-service",
        operation: "CreateService",
        service: "EAS",
        target,
        params: { Region: region, Body: body },
        run: (c) => c.eas.createService(region, body),
        changes,
      };
  return { action: existing ? "setup.update_service" : "setup.create_service", target, title: `Deploy ${target}`, steps: [step] };
}
