// The event record LookupEvents answers with, in ActionTrail's field names: "Management event
// structure" (alibabacloud.com/help/doc-detail/28819.html) and the assumed-role sample of
// alibabacloud.com/help/doc-detail/286997.htm (userIdentity.type "assumed-role", principalId
// "<RoleId>:<RoleSessionName>", userName "<RoleName>:<RoleSessionName>").
import type { StoredEvent } from "./log";

interface ServiceInfo {
  /** ActionTrail's serviceName (the product code). */
  serviceName: string;
  /** What the RAM console calls the service in the permission audit. */
  displayName: string;
  source: (region: string) => string;
  global: boolean;
  apiVersion?: string;
  resourceType: (resource: string) => string;
}

const KNOWN: Record<string, ServiceInfo> = {
  ram: { serviceName: "Ram", displayName: "Resource Access Management", source: () => "ram.aliyuncs.com", global: true, apiVersion: "2015-05-01", resourceType: (r) => (r.includes(":role/") ? "ACS::RAM::Role" : r.includes(":policy/") ? "ACS::RAM::Policy" : "ACS::RAM::User") },
  sts: { serviceName: "Sts", displayName: "Security Token Service", source: () => "sts.aliyuncs.com", global: true, apiVersion: "2015-04-01", resourceType: () => "ACS::RAM::Role" },
  eas: { serviceName: "Eas", displayName: "PAI Elastic Algorithm Service", source: (r) => `pai-eas.${r}.aliyuncs.com`, global: false, apiVersion: "2021-07-01", resourceType: () => "ACS::PAI::EasService" },
  oss: { serviceName: "Oss", displayName: "Object Storage Service", source: (r) => `oss-${r}.aliyuncs.com`, global: false, resourceType: (r) => (/:[^:/]+\/.+$/.test(r) ? "ACS::OSS::Object" : "ACS::OSS::Bucket") },
  odps: { serviceName: "Odps", displayName: "MaxCompute", source: (r) => `service.${r}.maxcompute.aliyun.com`, global: false, resourceType: () => "ACS::MaxCompute::Table" },
  cr: { serviceName: "Cr", displayName: "Container Registry", source: (r) => `cr.${r}.aliyuncs.com`, global: false, resourceType: () => "ACS::CR::Repository" },
  nas: { serviceName: "Nas", displayName: "File Storage NAS", source: (r) => `nas.${r}.aliyuncs.com`, global: false, resourceType: () => "ACS::NAS::FileSystem" },
  log: { serviceName: "Sls", displayName: "Simple Log Service", source: (r) => `${r}.log.aliyuncs.com`, global: false, resourceType: () => "ACS::SLS::LogStore" },
  actiontrail: { serviceName: "Actiontrail", displayName: "ActionTrail", source: (r) => `actiontrail.${r}.aliyuncs.com`, global: false, apiVersion: "2020-07-06", resourceType: () => "ACS::ActionTrail::Event" },
  ecs: { serviceName: "Ecs", displayName: "Elastic Compute Service", source: (r) => `ecs.${r}.aliyuncs.com`, global: false, resourceType: () => "ACS::ECS::Instance" },
};

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function serviceInfo(service: string): ServiceInfo {
  return (
    KNOWN[service] ?? {
      serviceName: capitalised(service),
      displayName: capitalised(service),
      source: (r: string) => `${service}.${r}.aliyuncs.com`,
      global: false,
      resourceType: () => `ACS::${service.toUpperCase()}::Resource`,
    }
  );
}

/** The namespaces the emulator can name; a wildcard action prefix in a policy is matched against them. */
export const KNOWN_SERVICES = Object.keys(KNOWN);

const READ_VERBS = /^(Get|List|Describe|Lookup|Query|Check|Head|Read|Select|Search|Decode|Pull|Download)/;

export function eventRW(action: string): "Read" | "Write" {
  return READ_VERBS.test(action) ? "Read" : "Write";
}

export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export function eventRecord(e: StoredEvent, accountId: string): Record<string, unknown> {
  const info = serviceInfo(e.service);
  return {
    eventId: e.id,
    eventVersion: 1,
    eventCategory: "Management",
    eventType: "ApiCall",
    eventName: e.action,
    eventRW: eventRW(e.action),
    eventSource: info.source(e.region),
    eventTime: isoSeconds(e.t),
    acsRegion: e.region,
    serviceName: info.serviceName,
    ...(info.apiVersion ? { apiVersion: info.apiVersion } : {}),
    requestId: e.requestId,
    sourceIpAddress: e.sourceIp,
    userAgent: "AlibabaCloud (linux; x64) Node.js TeaDSL/2",
    isGlobal: info.global,
    resourceType: info.resourceType(e.resource),
    resourceName: e.resource,
    ...(e.errorCode ? { errorCode: e.errorCode, errorMessage: e.errorMessage ?? e.errorCode } : {}),
    recipientAccountId: accountId,
    userIdentity: {
      type: "assumed-role",
      principalId: `${e.roleId}:${e.sessionName}`,
      accountId,
      accessKeyId: e.accessKeyId,
      userName: `${e.roleName}:${e.sessionName}`,
      sessionContext: { attributes: { mfaAuthenticated: "false", creationDate: isoSeconds(e.t) } },
    },
  };
}
