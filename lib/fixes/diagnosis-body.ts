import "server-only";
import type { Advice, Basis, Cause, DeployEvent, Evidence } from "../diagnosis/types";
import type { RoleHealth } from "../diagnosis/health";
import type { Locale } from "@/i18n/config";
import { sayIn } from "./catalog";
import type { DiagnosisWithFixes } from "./load-fixes";
import type { FixPreview } from "./plan-fix";

/** What `GET /api/services/{region}/{name}/diagnosis` answers (README documents it). */
export interface DiagnosisBody {
  service: { region: string; name: string };
  status: string;
  /** What the diagnosis rests on: the account's and the instances' state, the platform's words, or both. */
  basis: Basis;
  event: DeployEvent | null;
  cause: { code: Cause["code"]; summary: string; subject?: string; values: Cause["values"]; evidence: Evidence[] };
  cleared?: true;
  /** A deployment under way, and the failure the readiness rules predict for it, if any. */
  deploying?: { predicted?: { code: string; summary: string; subject?: string } };
  fixes: { id: string; kind: string; title: string; redeploys: boolean; preview: FixPreview }[];
  advice: (Advice & { text: string })[];
  health: RoleHealth;
}

function adviceText(a: Advice, say: (key: string, values?: Record<string, string | number>) => string): string {
  switch (a.id) {
    case "instance-log":
      return say("advice.instance-log", { instances: a.instances.join(", ") || "none" });
    case "memory-settings":
      return say("advice.memory-settings", { memory: a.memoryMb ?? 0 });
    case "image-address":
      return say("advice.image-address", { region: a.region });
    default:
      return say(`advice.${a.id}`);
  }
}

/** The diagnosis as the API answers it, its words (summaries, fix titles, advice) in the reader's language. */
export function diagnosisBody(d: DiagnosisWithFixes, region: string, locale: Locale): DiagnosisBody {
  const say = (key: string, values: Record<string, string | number> = {}) => sayIn(locale, key, values);
  const { diagnosis, service } = d;
  const { cause } = diagnosis;
  const summary = diagnosis.cleared ? say("cause.UNKNOWN.cleared") : say(`cause.${cause.code}.summary`, cause.values);
  return {
    service: { region: service.region || region, name: service.serviceName },
    status: diagnosis.status,
    basis: diagnosis.basis,
    event: diagnosis.event ?? null,
    cause: { code: cause.code, summary, ...(cause.subject ? { subject: cause.subject } : {}), values: cause.values, evidence: cause.evidence },
    ...(diagnosis.cleared ? { cleared: true as const } : {}),
    ...(diagnosis.deploying
      ? { deploying: diagnosis.deploying.predicted ? { predicted: { code: diagnosis.deploying.predicted.code, summary: say(`cause.${diagnosis.deploying.predicted.code}.summary`, diagnosis.deploying.predicted.values), ...(diagnosis.deploying.predicted.subject ? { subject: diagnosis.deploying.predicted.subject } : {}) } } : {} }
      : {}),
    fixes: d.fixes.map(({ id, kind, message, redeploys, preview }) => ({ id, kind, title: say(message.key, message.values), redeploys, preview })),
    advice: diagnosis.advice.map((a) => ({ ...a, text: adviceText(a, say) })),
    health: d.health,
  };
}
