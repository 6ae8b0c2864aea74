import { z } from "zod";
import { REGION_PATTERN, REGION_RULE } from "../service-config/names";

/** `POST /api/preflight`: the config as an object or JSON text (any value: a bad one is a finding), the region, the deployer. */
export const preflightInputSchema = z.object({
  config: z.custom<unknown>((v) => v !== undefined, { message: "is required" }),
  region: z.string({ error: (i) => (i.input === undefined ? "is required" : "must be a string") }).regex(REGION_PATTERN, REGION_RULE),
  deployer: z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, "deployerFormat").optional(),
});
