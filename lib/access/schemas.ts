import { z } from "zod";
import { MAX_ELEMENT_CHARS } from "../policy/limits";

// The inputs of the access API, validated once at the route. Bounds: an action or resource no
// longer than a policy can name (lib/policy/limits.ts); names as RAM takes them.

/** RAM user names: 1–64 characters; role names the same (RAM's CreateUser and CreateRole). */
const principalName = z.string().min(1).max(64).regex(/^[A-Za-z0-9._@-]+$/, "ramUserName");
export const actionSchema = z.string().trim().min(1).max(MAX_ELEMENT_CHARS).regex(/^(\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$/, "actionFormat");
export const resourceSchema = z.string().trim().min(1).max(MAX_ELEMENT_CHARS).regex(/^(\*|acs:\S+)$/, "resourceFormat");
const CONTEXT_KEYS = 32;
const CONTEXT_VALUES = 32;

const principalRefSchema = z.object({ type: z.enum(["role", "user"]), name: principalName }).strict();

export const simulateSchema = z
  .object({
    principal: principalRefSchema,
    action: actionSchema,
    resource: resourceSchema,
    context: z
      .record(
        z.string().regex(/^[A-Za-z0-9-]+:[A-Za-z0-9/_.-]+$/, "contextKey"),
        z.union([z.string().max(1024), z.array(z.string().max(1024)).max(CONTEXT_VALUES)]),
      )
      .refine((c) => Object.keys(c).length <= CONTEXT_KEYS, { message: "contextKeys" })
      .optional(),
    // RAM policy names are at most 128 characters; a principal holds far fewer than 100 policies.
    exclude: z.array(z.string().min(1).max(128)).max(100).optional(),
  })
  .strict();

export type SimulateInput = z.infer<typeof simulateSchema>;

export const reachQuerySchema = z.object({ action: actionSchema, resource: resourceSchema }).strict();
