// The emulated PAI-EAS 2021-07-01 API: services per region, simulated deployments whose
// outcome is decided from the live RAM state, and their events.
import type { CreateEasModule, EasContext, EasModuleInit, EasRequest, EasResponse } from "../core/contract";
import type { OpInput } from "./op-context";
import { EasPlatform } from "./platform";
import { describeService, describeServiceDiagnosis, describeServiceEvent, listServiceInstances, listServices } from "./read-ops";
import { resolveRoute } from "./routes";
import { EasServices } from "./services";
import { createService, deleteService, restartService, startService, stopService, updateService } from "./write-ops";

export const createEasModule: CreateEasModule = (init: EasModuleInit) => {
  const now = init.now ?? (() => new Date());
  const platform = init.platform ?? new EasPlatform();
  const services = new EasServices({ ram: init.ram, platform, deployDelayMs: init.deployDelayMs, now, onChange: init.onChange });
  services.restore(init.state);

  function handle(req: EasRequest, ctx: EasContext): EasResponse {
    const route = resolveRoute(req.method, req.pathname);
    const input: OpInput = { req, ctx, services, regions: init.regions };
    switch (route.op) {
      case "ListServices":
        return listServices(input);
      case "CreateService":
        return createService(input);
      case "DescribeService":
        return describeService(input, route.region, route.name);
      case "UpdateService":
        return updateService(input, route.region, route.name);
      case "DeleteService":
        return deleteService(input, route.region, route.name);
      case "StartService":
        return startService(input, route.region, route.name);
      case "StopService":
        return stopService(input, route.region, route.name);
      case "RestartService":
        return restartService(input, route.region, route.name);
      case "DescribeServiceEvent":
        return describeServiceEvent(input, route.region, route.name);
      case "ListServiceInstances":
        return listServiceInstances(input, route.region, route.name);
      case "DescribeServiceDiagnosis":
        return describeServiceDiagnosis(input, route.region, route.name);
    }
  }

  return {
    handle,
    snapshot: () => services.snapshot(),
    dispose: () => services.dispose(),
    settle: () => {
      services.settle();
      init.onChange();
    },
    applyInstanceFault: (region, name) => {
      const applied = services.applyInstanceFault(region, name);
      if (applied) init.onChange();
      return applied;
    },
    usage: (region) => services.usage(region),
  };
};

