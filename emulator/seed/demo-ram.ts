// The demo account's RAM side. The EAS demo seed and the console's e2e specs use these exact names.
import { buildPassRolePolicy } from "../../lib/policy";
import type { PolicyDocument } from "../../lib/policy/types";
import { EAS_SERVICE_PRINCIPAL } from "../core/contract";
import type { RamStore } from "../ram/store";
import { seedBaseRam } from "./base-ram";
import { daysBefore, putGroup, putPolicy, putRole, putUser, serviceTrust } from "./build";
import { DEMO_KEYS } from "./demo-keys";

const allow = (Action: string[], Resource: string[]): PolicyDocument => ({ Version: "1", Statement: [{ Effect: "Allow", Action, Resource }] });
const bucket = (name: string) => [`acs:oss:*:*:${name}`, `acs:oss:*:*:${name}/*`];

function policies(store: RamStore, now: Date): void {
  const at = daysBefore(now, 60);
  putPolicy(store, { name: "PassRole-eas-oss-reader", document: buildPassRolePolicy("eas-oss-reader"), description: "Lets engineers deploy EAS services with eas-oss-reader", at });
  putPolicy(store, { name: "PassRole-eas-nas-image", document: buildPassRolePolicy("eas-nas-image"), description: "Lets the ML platform team deploy EAS services with eas-nas-image", at });
  putPolicy(store, { name: "oss-models-rw", document: allow(["oss:GetObject", "oss:PutObject", "oss:ListObjects"], bucket("models")), description: "Read and write the models bucket", at });
  putPolicy(store, { name: "llm-artifacts-read", document: allow(["oss:GetObject", "oss:ListObjects"], bucket("llm-artifacts")), description: "Read LLM weights and tokenizers", at });
  putPolicy(store, {
    name: "deny-oss-delete",
    document: { Version: "1", Statement: [{ Effect: "Deny", Action: ["oss:DeleteObject"], Resource: ["*"] }] },
    description: "Guard rail: no object deletes",
    at,
  });
  putPolicy(store, {
    name: "temp-debug-access",
    document: {
      Version: "1",
      Statement: [
        {
          Effect: "Allow",
          Action: ["ecs:Describe*", "log:GetLogStoreLogs", "oss:ListObjects"],
          Resource: ["*"],
          Condition: { DateLessThan: { "acs:CurrentTime": ["2025-01-01T00:00:00Z"] } },
        },
      ],
    },
    description: "Temporary access for the 2024 incident review",
    at: daysBefore(now, 400),
  });
}

function roles(store: RamStore, now: Date): void {
  const eas = serviceTrust(EAS_SERVICE_PRINCIPAL);
  const at = (d: number) => daysBefore(now, d);
  const root = `acs:ram::${store.accountId}:root`;
  putRole(store, { name: "eas-oss-reader", trust: eas, description: "EAS services that read model files from OSS", policies: ["AliyunOSSReadOnlyAccess"], at: at(90) });
  putRole(store, {
    name: "eas-nas-image",
    trust: eas,
    description: "EAS services with a NAS mount and a custom image",
    policies: ["AliyunNASReadOnlyAccess", "AliyunContainerRegistryReadOnlyAccess", "AliyunOSSReadOnlyAccess"],
    at: at(80),
  });
  putRole(store, { name: "ecs-batch-role", trust: serviceTrust("ecs.aliyuncs.com"), description: "Batch jobs on ECS", policies: ["AliyunOSSReadOnlyAccess"], at: at(200) });
  putRole(store, { name: "eas-no-oss", trust: eas, description: "Reads feature tables from MaxCompute", policies: ["AliyunMaxComputeReadOnlyAccess"], at: at(70) });
  putRole(store, {
    name: "data-pipeline",
    trust: { Version: "1", Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { RAM: [root], Service: [EAS_SERVICE_PRINCIPAL] } }] },
    description: "Training and scoring pipeline: reads and writes the models bucket",
    policies: ["Custom:oss-models-rw", "Custom:deny-oss-delete"],
    maxSessionDuration: 7200,
    at: at(150),
  });
  putRole(store, {
    name: "eas-llm-serving",
    trust: eas,
    description: "LLM serving: weights from llm-artifacts, image from ACR",
    policies: ["Custom:llm-artifacts-read", "AliyunContainerRegistryReadOnlyAccess"],
    at: at(30),
  });
  putRole(store, {
    name: "legacy-admin",
    trust: { Version: "1", Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { RAM: [root] } }] },
    description: "Old break-glass role",
    policies: ["AliyunRAMFullAccess", "Custom:temp-debug-access"],
    at: at(500),
  });
  putRole(store, { name: "eas-image-no-cr", trust: eas, description: "Speech models with a custom image", policies: ["AliyunOSSReadOnlyAccess"], at: at(20) });
  putRole(store, { name: "eas-restricted", trust: eas, description: "Only admins may pass this role", policies: ["AliyunOSSFullAccess"], at: at(45) });
}

function users(store: RamStore, now: Date): void {
  const at = daysBefore(now, 100);
  putUser(store, {
    name: "alice",
    displayName: "Alice (platform admin)",
    email: "alice@example.com",
    policies: ["AliyunRAMFullAccess", "AliyunPAIEASFullAccess", "AliyunSTSAssumeRoleAccess"],
    key: DEMO_KEYS.alice,
    at,
  });
  putUser(store, {
    name: "bob",
    displayName: "Bob (ML engineer)",
    email: "bob@example.com",
    policies: ["AliyunPAIEASFullAccess", "AliyunRAMReadOnlyAccess", "Custom:PassRole-eas-oss-reader"],
    key: DEMO_KEYS.bob,
    at,
  });
  putUser(store, {
    name: "carol",
    displayName: "Carol (ML engineer)",
    email: "carol@example.com",
    policies: ["AliyunPAIEASFullAccess", "AliyunRAMReadOnlyAccess"],
    key: DEMO_KEYS.carol,
    at,
  });
}

// carol may pass eas-nas-image only through this group, never by a policy of her own.
function groups(store: RamStore, now: Date): void {
  putGroup(store, { name: "ml-platform", comments: "ML platform engineers", members: ["carol"], policies: ["Custom:PassRole-eas-nas-image"], at: daysBefore(now, 50) });
}

export function seedDemoRam(store: RamStore, now: Date): void {
  seedBaseRam(store, now);
  policies(store, now);
  roles(store, now);
  users(store, now);
  groups(store, now);
}
