import { roleArn } from "../policy/arn";
import { defaultCodePath, runCommand } from "./libraries";
import type { Mount, Needs } from "./needs";

// The service-config JSON the wizard hands over: Method 1 sets `options.enable_ram_role` (and
// `metadata.workspace_id` for the OSS SDK); Method 2 adds the custom role's `role_arn`.

const PAI_PYTHON_IMAGE = (region: string) => `eas-registry-vpc.${region}.cr.aliyuncs.com/pai-eas/python-inference:py39`;

export interface ServiceConfigInput {
  name: string;
  needs: Needs;
  method: 1 | 2;
  /** Method 1: the PAI workspace, needed for the OSS SDK through the default role. */
  workspaceId?: string;
  /** Method 2: the custom role and its account. */
  role?: { accountId: string; name: string };
  codePath?: string;
}

function storageOf(m: Mount): Record<string, unknown> {
  if (m.kind === "oss") return { oss: { path: m.path, readOnly: m.readOnly }, mount_path: m.mountPath };
  return { nfs: { server: m.server, path: m.path }, mount_path: m.mountPath };
}

export function buildServiceConfig(input: ServiceConfigInput): Record<string, unknown> {
  const { needs } = input;
  const config: Record<string, unknown> = { name: input.name, options: { enable_ram_role: true } };
  if (input.method === 2 && input.role) config.role_arn = roleArn(input.role.accountId, input.role.name);
  config.metadata = { instance: 1, cpu: 2, memory: 4000, ...(input.workspaceId ? { workspace_id: input.workspaceId } : {}) };
  config.containers = [{ image: needs.image || PAI_PYTHON_IMAGE(needs.region), script: runCommand(input.codePath || defaultCodePath(needs)), port: 8000 }];
  if (needs.mounts.length > 0) config.storage = needs.mounts.map(storageOf);
  return config;
}

/** Pretty-printed, as pasted into the console's Service Configuration box. */
export const configJson = (config: Record<string, unknown>) => `${JSON.stringify(config, null, 2)}\n`;
