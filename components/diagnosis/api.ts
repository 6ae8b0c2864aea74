// Where the diagnosis components read and write: the JSON API (README documents it).
import type { DiagnosisBody } from "@/lib/fixes/diagnosis-body";
import type { EasEvent } from "@/lib/cloud/types";

export type { DiagnosisBody };
export type LiveDiagnosis = DiagnosisBody & { events?: EasEvent[] };
export type FixView = DiagnosisBody["fixes"][number];

const base = (region: string, name: string) => `/api/services/${encodeURIComponent(region)}/${encodeURIComponent(name)}`;
export const diagnosisUrl = (region: string, name: string, live = false) => `${base(region, name)}/diagnosis${live ? "?live=1" : ""}`;
export const fixUrl = (region: string, name: string, id: string) => `${base(region, name)}/fixes/${encodeURIComponent(id)}`;
export const redeployUrl = (region: string, name: string) => `${base(region, name)}/redeploy`;
export const diagnosisKey = (region: string, name: string) => ["diagnosis", region, name] as const;

export interface StepResult {
  id: string;
  operation: string;
  target: string;
  state: "done" | "skipped" | "failed" | "not_run";
  requestId?: string;
  error?: { code: string; message: string };
}

export interface WriteAnswer {
  ok: boolean;
  steps: StepResult[];
  requestIds: string[];
  audit: { id: number | string };
  /** The PassRole request a grant-passrole fix filed. */
  request?: { id: string; state: string; policyName: string; expiresAt: string | null };
}

/** Statuses in which EAS is still deploying: the page keeps watching. */
export const DEPLOYING = new Set(["Creating", "Updating", "Starting", "HotUpdate"]);
export const FAILING = new Set(["Failed", "Waiting"]);
