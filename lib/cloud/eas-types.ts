// PAI-EAS as the console sees it: the gateway interface and the shapes it returns.
import type { Page, Tag, WriteResult } from "./common";

type ServiceStatus =
  | "Creating"
  | "Waiting"
  | "Running"
  | "Failed"
  | "Stopped"
  | "Stopping"
  | "Starting"
  | "Updating"
  | "Deleting"
  | "DeleteFailed"
  | "HotUpdate"
  | "Completed"
  | string;

export interface EasService {
  serviceName: string;
  serviceId: string;
  region: string;
  status: ServiceStatus;
  reason: string;
  message: string;
  /** The service config exactly as deployed (a JSON string): the RAM role lives in here. */
  serviceConfig: string;
  createTime: string;
  updateTime: string;
  runningInstance: number;
  pendingInstance: number;
  totalInstance: number;
  image: string;
  cpu: number;
  memory: number;
  gpu: number;
  callerUid: string;
  parentUid: string;
  workspaceId: string;
  currentVersion: number;
  latestVersion: number;
  internetEndpoint: string;
  intranetEndpoint: string;
  labels: Tag[];
}

export interface EasEvent {
  type: "Normal" | "Warning" | string;
  reason: string;
  message: string;
  /** `2006-01-02 15:04:05`, UTC, as EAS sends it. */
  time: string;
  resource: string;
}

export interface EasInstance {
  instanceName: string;
  status: string;
  reason: string;
  restartCount: number;
  readyProcesses: number;
  totalProcesses: number;
  hostIp: string;
  innerIp: string;
  startTime: string;
  zone: string;
  /** The exit code of the container's last termination (LastState), when it has one. */
  exitCode?: number;
}

/** One entry of DescribeServiceDiagnosis: what failed, why, and what to do. */
interface EasDiagnosis {
  error: string;
  causes: string[];
  advices: string[];
}

export interface ListServicesQuery {
  serviceName?: string;
  serviceStatus?: string;
  pageNumber?: number;
  pageSize?: number;
  sort?: string;
  order?: "asc" | "desc";
}

export interface ServiceEventsQuery {
  eventType?: "Normal" | "Warning";
  startTime?: string;
  endTime?: string;
  pageNum?: number;
  pageSize?: number;
  instanceName?: string;
}

export interface EasGateway {
  /** Regions this console shows (from configuration). */
  readonly regions: string[];
  listServices(region: string, query?: ListServicesQuery): Promise<Page<EasService>>;
  /** Follows PageNumber until the list is complete. */
  listAllServices(region: string, query?: Omit<ListServicesQuery, "pageNumber">): Promise<EasService[]>;
  describeService(region: string, serviceName: string): Promise<EasService>;
  describeServiceEvents(
    region: string,
    serviceName: string,
    query?: ServiceEventsQuery,
  ): Promise<Page<EasEvent> & { totalPageNum: number }>;
  listServiceInstances(region: string, serviceName: string): Promise<Page<EasInstance>>;
  describeServiceDiagnosis(region: string, serviceName: string): Promise<EasDiagnosis[]>;
  createService(
    region: string,
    serviceConfig: string,
    opts?: { workspaceId?: string; develop?: boolean },
  ): Promise<{ serviceName: string; serviceId: string; status: string; region: string } & WriteResult>;
  updateService(
    region: string,
    serviceName: string,
    serviceConfig: string,
    updateType?: "merge" | "replace",
  ): Promise<WriteResult>;
  deleteService(region: string, serviceName: string): Promise<WriteResult>;
  startService(region: string, serviceName: string): Promise<WriteResult>;
  /** RestartService: the service's instances are made again from the config it holds, the console's "redeploy". */
  restartService(region: string, serviceName: string): Promise<WriteResult>;
  stopService(region: string, serviceName: string): Promise<WriteResult>;
}
