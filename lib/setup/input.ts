import { z } from "zod";

// What the setup API accepts, structurally; the naming rules are checked by lib/wizard.

const access = z.enum(["read", "write"]);
const text = (max: number) => z.string().max(max);

export const needsSchema = z.object({
  region: text(64),
  oss: z.array(z.object({ bucket: text(63), prefix: text(1023).default(""), access })).max(20).default([]),
  maxcompute: z.object({ project: text(64), access }).optional(),
  mounts: z
    .array(
      z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("oss"), path: text(1024), mountPath: text(256), readOnly: z.boolean() }),
        z.object({ kind: z.literal("nas"), server: text(256), path: text(256), mountPath: text(256) }),
      ]),
    )
    .max(20)
    .default([]),
  image: text(512).default(""),
  other: z.array(text(64)).max(20).default([]),
});

const token = z.string().regex(/^[0-9a-f]{32}$/, "confirmToken");

export const roleRequestSchema = z.object({
  needs: needsSchema,
  roleName: text(64),
  description: text(1024).default(""),
  policyMode: z.enum(["system", "custom"]),
});
export const roleApplySchema = roleRequestSchema.extend({ token });

export const deployRequestSchema = z.object({
  region: text(64),
  config: z.record(z.string(), z.unknown()),
  /** The RAM user who deploys: preflight checks their ram:PassRole, as the Outputs step does. */
  deployer: text(64).optional(),
});
export const deployApplySchema = deployRequestSchema.extend({ token });

export type RoleRequest = z.infer<typeof roleRequestSchema>;
export type DeployRequest = z.infer<typeof deployRequestSchema>;
