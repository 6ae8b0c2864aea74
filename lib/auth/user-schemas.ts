import "server-only";
import { z } from "zod";
import { ROLES } from "./permissions";

// RAM user names: 1–64 of letters, digits, `.`, `_`, `-`, `@` (RAM's own rule).
const ramUserName = z.string().trim().regex(/^[A-Za-z0-9._@-]{1,64}$/, "must be 1–64 letters, digits, or . _ - @");

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9._-]{1,31}$/, "must be 2–32 lowercase letters, digits, . _ or -, starting with a letter");

export const newUserSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  role: z.enum(ROLES),
  ramUserName: ramUserName.optional().or(z.literal("").transform(() => undefined)),
  password: z.string().min(12, "must be at least 12 characters").max(200, "must be at most 200 characters"),
});
export type NewUserInput = z.infer<typeof newUserSchema>;

export const userChangeSchema = z
  .object({
    displayName: z.string().trim().min(1, "is required").max(80).optional(),
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional(),
    ramUserName: ramUserName.nullable().optional(),
  })
  .strict()
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: "name at least one change: displayName, role, disabled or ramUserName" });
export type UserChangeInput = z.infer<typeof userChangeSchema>;

export const loginSchema = z.object({
  username: z.string().trim().min(1, "is required").max(64),
  password: z.string().min(1, "is required").max(200),
  next: z.string().max(1000).optional(),
});
