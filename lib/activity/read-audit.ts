import { toCloudError } from "../cloud/call";
import type { RamAuditGateway } from "../cloud/trail-types";
import type { CoverageGap } from "./types";

// RAM's permission audit for one role: start the report job, read it until it completes (a
// bounded number of polls), follow its Marker. A job that fails or never completes is a gap.

const POLLS = 10;
const POLL_MS = 500;
const MAX_ITEMS = 1000;

interface AuditRead {
  /** Namespace → last access (ISO), undefined for a service granted but never accessed. */
  lastAccess?: Map<string, string | undefined>;
  gap?: CoverageGap;
}

export async function readAudit(audit: RamAuditGateway | undefined, roleArn: string, window: { from: string; to: string }, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<AuditRead> {
  const gap = (extra: { code?: string; requestId?: string } = {}): AuditRead => ({ gap: { kind: "audit_unavailable", ...window, ...extra } });
  if (!audit) return gap();
  try {
    const { jobId } = await audit.generateServiceLastAccessedDetails(roleArn);
    const lastAccess = new Map<string, string | undefined>();
    let marker: string | undefined;
    for (let poll = 0; poll < POLLS; ) {
      const r = await audit.getServiceLastAccessedDetails(jobId, { marker, maxItems: MAX_ITEMS });
      if (r.jobStatus === "FAILED") return gap({ code: r.error?.code ?? "FAILED", requestId: r.requestId });
      if (r.jobStatus !== "COMPLETED") {
        poll++;
        await sleep(POLL_MS);
        continue;
      }
      for (const s of r.services) lastAccess.set(s.serviceNamespace, s.lastAccessedTime ? new Date(s.lastAccessedTime).toISOString() : undefined);
      if (!r.marker) return { lastAccess };
      marker = r.marker;
    }
    return gap({ code: "IN_PROGRESS" });
  } catch (err) {
    const e = toCloudError(err);
    return gap({ code: e.code, ...(e.requestId ? { requestId: e.requestId } : {}) });
  }
}
