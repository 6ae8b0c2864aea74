// The parts of an EAS service config that decide which RAM role a service runs with and
// what that role must allow. Unknown keys are kept: the config is the user's document.

export type RoleMode = "none" | "default" | "custom";

interface OssStorage {
  path: string;
  readOnly?: boolean;
}

interface NfsStorage {
  server: string;
  path?: string;
  readOnly?: boolean;
}

export interface StorageEntry {
  oss?: OssStorage;
  nfs?: NfsStorage;
  mount_path?: string;
  [key: string]: unknown;
}

interface ContainerSpec {
  image?: string;
  script?: string;
  port?: number;
  [key: string]: unknown;
}

export interface ServiceConfig {
  name?: string;
  role_arn?: string;
  credential?: { role_arn?: string; docker_auth?: string; [key: string]: unknown };
  dockerAuth?: string;
  options?: { enable_ram_role?: boolean; [key: string]: unknown };
  metadata?: {
    workspace_id?: string;
    instance?: number;
    cpu?: number;
    memory?: number;
    gpu?: number;
    resource?: string;
    [key: string]: unknown;
  };
  containers?: ContainerSpec[];
  processor?: string;
  image?: string;
  storage?: StorageEntry[];
  [key: string]: unknown;
}

/** One permission check, exactly as RAM evaluates it. */
export interface RamCheck {
  action: string;
  resource: string;
}

/**
 * `oss-model`: a file the platform fetches at deploy (model_path, processor_path); `oss-path`: any
 * other oss:// address in the config, read by the service's code.
 */
export type NeedKind = "oss-mount" | "nas-mount" | "oss-model" | "oss-path" | "image-pull" | "workspace-id";

export interface ServiceNeed {
  kind: NeedKind;
  /** Where in the config the need comes from, e.g. `storage[0].oss.path`. */
  path: string;
  /** What is used: `oss://bucket/dir/`, the NAS server, the image reference. */
  target: string;
  /** The volume name the platform gives the mount (`oss-0`, `nfs-1`, `model`), for what it mounts. */
  volume?: string;
  mountPath?: string;
  checks: RamCheck[];
  /** For needs that are not RAM checks (workspace-id): whether the config meets it. */
  satisfied?: boolean;
}

export interface ServiceRoleAnalysis {
  roleMode: RoleMode;
  roleArn?: string;
  roleName?: string;
  workspaceId?: string;
  needs: ServiceNeed[];
  /** Things worth showing that do not change the outcome by themselves. */
  warnings: string[];
}
