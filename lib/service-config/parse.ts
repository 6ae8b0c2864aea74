import { z } from "zod";
import type { Locale } from "@/i18n/config";
import { renderFieldRule, renderKey, type FieldRule } from "../errors/render";
import { issueRule } from "../errors/zod-rules";
import type { ServiceConfig } from "./types";

const storageSchema = z.looseObject({
  oss: z.looseObject({ path: z.string().min(1), readOnly: z.boolean().optional() }).optional(),
  nfs: z.looseObject({ server: z.string().min(1), path: z.string().optional(), readOnly: z.boolean().optional() }).optional(),
  mount_path: z.string().optional(),
});

const serviceConfigSchema = z.looseObject({
  name: z.string().optional(),
  role_arn: z.string().optional(),
  credential: z.looseObject({ role_arn: z.string().optional(), docker_auth: z.string().optional() }).optional(),
  dockerAuth: z.string().optional(),
  options: z.looseObject({ enable_ram_role: z.boolean().optional() }).optional(),
  metadata: z
    .looseObject({
      workspace_id: z.union([z.string(), z.number()]).transform(String).optional(),
      instance: z.number().int().min(0).optional(),
      cpu: z.number().min(0).optional(),
      memory: z.number().min(0).optional(),
      gpu: z.number().min(0).optional(),
      resource: z.string().optional(),
    })
    .optional(),
  containers: z.array(z.looseObject({ image: z.string().optional(), script: z.string().optional(), port: z.number().int().optional() })).optional(),
  processor: z.string().optional(),
  image: z.string().optional(),
  storage: z.array(storageSchema).optional(),
});

function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), "");
}

/** Why a config cannot be read, to be worded in the reader's language (`errors.serviceConfig`). */
export type ConfigProblem = { kind: "notJson"; detail: string } | { kind: "notObject" } | { kind: "field"; field: string; rule: FieldRule };

export function configProblemText(locale: Locale, p: ConfigProblem): string {
  if (p.kind === "notJson") return renderKey(locale, "errors.serviceConfig.notJson", { detail: p.detail });
  if (p.kind === "notObject") return renderKey(locale, "errors.serviceConfig.notObject");
  return renderKey(locale, "errors.serviceConfig.field", { field: p.field, rule: renderFieldRule(locale, p.rule) });
}

const failed = (problem: ConfigProblem, path?: string) => ({ ok: false as const, problem, error: configProblemText("en", problem), ...(path === undefined ? {} : { path }) });

/**
 * Reads a service-config JSON string. Never throws: a bad document comes back as an error naming
 * the field and its rule, and `path` names that field ("" for the document). `error` is the English
 * wording (logs); `problem` is worded for a reader.
 */
export function parseServiceConfig(json: string): { ok: true; config: ServiceConfig } | { ok: false; error: string; problem: ConfigProblem; path?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return failed({ kind: "notJson", detail: (e as Error).message });
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return failed({ kind: "notObject" });
  }
  const parsed = serviceConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = pathOf(issue);
    return failed({ kind: "field", field: path || "document", rule: issueRule(issue) }, path);
  }
  return { ok: true, config: parsed.data as ServiceConfig };
}
