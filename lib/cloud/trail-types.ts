// ActionTrail (2020-07-06) and RAM's permission audit as the console sees them: the gateway
// interface and the shapes it returns. The events are ActionTrail's own maps, narrowed to what
// the activity reader uses.

/** `userIdentity` of an ActionTrail event; `assumed-role` for a call made with a role's STS session. */
interface TrailIdentity {
  type: string;
  principalId: string;
  userName: string;
  arn: string;
}

export interface TrailEvent {
  eventId: string;
  eventName: string;
  /** ActionTrail's service name (`Oss`, `Ram`, `Sts`), not the RAM action prefix. */
  serviceName: string;
  eventTime: string;
  /** ActionTrail's `resourceName`: one or more names, `;`-separated. */
  resourceName: string;
  resourceType: string;
  /** Set when the call failed (`NoPermission`, `AccessDenied`…): such a call used no permission. */
  errorCode: string;
  eventRW: string;
  acsRegion: string;
  userIdentity: TrailIdentity;
}

interface LookupEventsQuery {
  /** ISO 8601 UTC, `yyyy-MM-ddTHH:mm:ssZ`; both or neither. */
  startTime: string;
  endTime: string;
  /** One or two filters (ActionTrail's limit). */
  attributes?: { key: string; value: string }[];
  /** 1 to 50. */
  maxResults?: number;
  nextToken?: string;
}

interface LookupEventsPage {
  events: TrailEvent[];
  nextToken?: string;
  requestId: string;
}

export interface ActionTrailGateway {
  lookupEvents(q: LookupEventsQuery): Promise<LookupEventsPage>;
}

/** One row of RAM's permission audit: a service the identity's policies give it, and its last access. */
interface ServiceLastAccessed {
  /** The RAM action prefix: `oss`, `ram`. */
  serviceNamespace: string;
  serviceName: string;
  /** Absent when the identity never used the service in the audit's reach. */
  lastAccessedTime?: string;
}

interface ServiceLastAccessedReport {
  jobStatus: "IN_PROGRESS" | "COMPLETED" | "FAILED" | string;
  services: ServiceLastAccessed[];
  marker?: string;
  error?: { code: string; message: string };
  requestId: string;
}

/** RAM's permission audit (2015-05-01): a report job per identity, read by its JobId. */
export interface RamAuditGateway {
  generateServiceLastAccessedDetails(arn: string): Promise<{ jobId: string; requestId: string }>;
  getServiceLastAccessedDetails(jobId: string, opts?: { marker?: string; maxItems?: number }): Promise<ServiceLastAccessedReport>;
}
