// RAM's permission audit (RAM API 2015-05-01): GenerateServiceLastAccessedDetails starts a report
// job on a RAM identity, GetServiceLastAccessedDetails reads it by JobId: the services the identity's
// policies give it and when each was last accessed
// (help.aliyun.com/en/ram/developer-reference/api-ram-2015-05-01-generateservicelastaccesseddetails and
// …-getservicelastaccesseddetails). The operation names, the JobId and what the report holds come
// from those pages; their parameter tables could not be read here, and the RAM SDK for TypeScript
// has no model for them yet, so the field names follow IAM's operations of the same names (Arn,
// JobStatus IN_PROGRESS/COMPLETED/FAILED, JobCreationDate, JobCompletionDate, ServicesLastAccessed)
// in RAM's list wrapping (`ServicesLastAccessed.ServiceLastAccessed[]`, Marker/MaxItems/IsTruncated).
// To be confirmed against RAM's reference before a real-account run.
import { randomUUID } from "node:crypto";
import { ApiError } from "../core/contract";
import type { RamStore } from "../ram/store";
import { isoSeconds, KNOWN_SERVICES, serviceInfo } from "./event-record";
import type { ActivityLog } from "./log";

/** A job finishes once read while in progress, or this long after it started (emulator clock). */
const JOB_SECONDS = 2;
const MAX_JOBS = 200;
const MAX_ITEMS = 1000;
const DEFAULT_ITEMS = 100;

interface ServiceRow {
  ServiceNamespace: string;
  ServiceName: string;
  LastAccessedTime?: string;
  LastAccessedRegion?: string;
  LastAccessedEntity?: string;
}

interface Job {
  id: string;
  arn: string;
  roleName: string;
  created: number;
  readInProgress: boolean;
  status: "IN_PROGRESS" | "COMPLETED" | "FAILED";
  completed?: number;
  rows?: ServiceRow[];
  error?: { Code: string; Message: string };
}

const invalid = (message: string) => new ApiError(400, "InvalidParameter", message);

/** The namespaces the role's Allow statements name; a wildcard prefix is matched against the services the emulator knows. */
function grantedServices(store: RamStore, roleName: string): Set<string> {
  const role = store.findRole(roleName);
  const out = new Set<string>();
  if (!role) return out;
  for (const p of store.namedPolicies(role.policies)) {
    for (const st of p.document.Statement) {
      if (st.Effect !== "Allow") continue;
      for (const action of st.Action ?? []) {
        const prefix = action === "*" ? "*" : action.split(":")[0].toLowerCase();
        if (!prefix.includes("*") && !prefix.includes("?")) {
          out.add(prefix);
          continue;
        }
        const re = new RegExp(`^${prefix.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
        for (const s of KNOWN_SERVICES) if (re.test(s)) out.add(s);
      }
    }
  }
  return out;
}

export class AccessReports {
  private jobs = new Map<string, Job>();

  clear(): void {
    this.jobs.clear();
  }

  generate(store: RamStore, params: Record<string, string>, now: Date): Record<string, unknown> {
    const arn = params.Arn;
    if (!arn) throw invalid("Arn is required: the ARN of the RAM role to report on, acs:ram::<account>:role/<name>.");
    const m = /^acs:ram::(\d+):role\/(.+)$/.exec(arn);
    if (!m) throw invalid(`Arn must be a RAM role ARN, acs:ram::<account>:role/<name> (the emulator reports on roles only): ${arn}.`);
    if (m[1] !== store.accountId) throw invalid(`Arn names another account (${m[1]}); this account is ${store.accountId}.`);
    const role = store.findRole(m[2]);
    if (!role) throw new ApiError(404, "EntityNotExist.Role", `The role does not exist: ${m[2]}.`);
    const granularity = params.Granularity ?? "SERVICE_LEVEL";
    if (granularity !== "SERVICE_LEVEL") throw invalid(`Granularity must be SERVICE_LEVEL (the emulator reports per service): ${granularity}.`);
    const job: Job = { id: randomUUID(), arn: role.arn, roleName: role.roleName, created: now.getTime(), readInProgress: false, status: "IN_PROGRESS" };
    this.jobs.set(job.id, job);
    if (this.jobs.size > MAX_JOBS) this.jobs.delete(this.jobs.keys().next().value as string);
    return { JobId: job.id };
  }

  get(store: RamStore, log: ActivityLog, params: Record<string, string>, now: Date): Record<string, unknown> {
    if (!params.JobId) throw invalid("JobId is required: the JobId GenerateServiceLastAccessedDetails returned.");
    const job = this.jobs.get(params.JobId);
    if (!job) throw new ApiError(404, "EntityNotExist.Job", `The job does not exist: ${params.JobId}.`);
    const maxRaw = params.MaxItems ?? String(DEFAULT_ITEMS);
    if (!/^\d+$/.test(maxRaw) || Number(maxRaw) < 1 || Number(maxRaw) > MAX_ITEMS) throw invalid(`MaxItems must be a whole number from 1 to ${MAX_ITEMS}: ${maxRaw}.`);
    const start = params.Marker ? Number.parseInt(Buffer.from(params.Marker, "base64url").toString("utf8"), 10) : 0;
    if (!Number.isInteger(start) || start < 0) throw invalid("Marker is not a marker GetServiceLastAccessedDetails returned.");

    if (job.status === "IN_PROGRESS") {
      if (job.readInProgress || now.getTime() - job.created >= JOB_SECONDS * 1000) this.complete(job, store, log, now);
      else job.readInProgress = true;
    }
    const head = {
      JobId: job.id,
      JobStatus: job.status,
      JobType: "SERVICE_LEVEL",
      Arn: job.arn,
      JobCreationDate: isoSeconds(job.created),
      ...(job.completed !== undefined ? { JobCompletionDate: isoSeconds(job.completed) } : {}),
      ...(job.error ? { Error: job.error } : {}),
    };
    if (job.status !== "COMPLETED" || !job.rows) return { ...head, IsTruncated: false, ServicesLastAccessed: { ServiceLastAccessed: [] } };
    const page = job.rows.slice(start, start + Number(maxRaw));
    const next = start + page.length;
    return {
      ...head,
      IsTruncated: next < job.rows.length,
      ...(next < job.rows.length ? { Marker: Buffer.from(String(next)).toString("base64url") } : {}),
      ServicesLastAccessed: { ServiceLastAccessed: page },
    };
  }

  private complete(job: Job, store: RamStore, log: ActivityLog, now: Date): void {
    job.completed = now.getTime();
    if (!store.findRole(job.roleName)) {
      job.status = "FAILED";
      job.error = { Code: "EntityNotExist.Role", Message: `The role was deleted before the report finished: ${job.roleName}.` };
      return;
    }
    log.prune(now);
    const accessed = log.accessOf(job.roleName);
    const services = new Set([...grantedServices(store, job.roleName), ...accessed.keys()]);
    job.rows = [...services].sort().map((ns) => {
      const a = accessed.get(ns);
      return {
        ServiceNamespace: ns,
        ServiceName: serviceInfo(ns).displayName,
        ...(a ? { LastAccessedTime: isoSeconds(a.at), LastAccessedRegion: a.region, LastAccessedEntity: job.arn } : {}),
      };
    });
    job.status = "COMPLETED";
  }
}
