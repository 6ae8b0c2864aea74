import "server-only";
import { z } from "zod";
import { ROLES } from "../permissions";
import { DISPLAY_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, RAM_USER_PATTERN, USERNAME_PATTERN } from "./user-rules";

const ramUserName = z.string().trim().regex(RAM_USER_PATTERN, "ramUserName");

const usernameSchema = z.string().trim().regex(USERNAME_PATTERN, "usernameFormat");

export const newUserSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1, "required").max(DISPLAY_NAME_MAX),
  role: z.enum(ROLES),
  ramUserName: ramUserName.optional().or(z.literal("").transform(() => undefined)),
  password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
});
export type NewUserInput = z.infer<typeof newUserSchema>;

export const userChangeSchema = z
  .object({
    displayName: z.string().trim().min(1, "required").max(DISPLAY_NAME_MAX).optional(),
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional(),
    ramUserName: ramUserName.nullable().optional(),
  })
  .strict()
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: "changeSomething" });
export type UserChangeInput = z.infer<typeof userChangeSchema>;

export const loginSchema = z.object({
  username: z.string().trim().min(1, "required").max(64),
  password: z.string().min(1, "required").max(200),
  next: z.string().max(1000).optional(),
});
