import { z } from "zod";
import { roleNameSchema } from "../inventory/role-detail";
import { GRANT_DURATIONS, REQUEST_STATES } from "../request-workflow";

// The request API's bodies and query, validated at the boundary; each bad field is named with its rule.

/** A RAM user name as RAM accepts it: 1–64 letters, digits, dots, underscores, hyphens (and @). */
const ramUserNameSchema = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._@-]+$/, "ramUserChars");

const reason = z.string().trim().min(1).max(500);
const duration = z.enum(GRANT_DURATIONS);

export const createRequestSchema = z.strictObject({
  roleName: roleNameSchema,
  ramUser: ramUserNameSchema.optional(),
  reason,
  duration,
});

export const approveSchema = z.strictObject({ duration: duration.optional() });
export const rejectSchema = z.strictObject({ reason });
export const revokeSchema = z.strictObject({ reason: reason.optional() });

export const listQuerySchema = z.strictObject({
  state: z.enum(REQUEST_STATES).optional(),
  /** Only the caller's own requests, also for an admin. */
  mine: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Request ids are UUIDs; anything else cannot name one. */
export const requestIdSchema = z.uuid();
