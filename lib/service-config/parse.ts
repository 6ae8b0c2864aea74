import { z } from "zod";
import { ruleOf } from "../errors/zod-rules";
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

/**
 * Reads a service-config JSON string. Never throws: a bad document comes back as an error naming
 * the field and its rule, and `path` names that field ("" for the document).
 */
export function parseServiceConfig(json: string): { ok: true; config: ServiceConfig } | { ok: false; error: string; path?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return { ok: false, error: `The service config is not valid JSON: ${(e as Error).message}` };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, error: "The service config must be a JSON object." };
  }
  const parsed = serviceConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = pathOf(issue);
    return { ok: false, error: `The service config's ${path || "document"} ${ruleOf(issue)}.`, path };
  }
  return { ok: true, config: parsed.data as ServiceConfig };
}
