import { z } from "zod";
import { BOUNDED_DURATIONS } from "../request-workflow";
import { REGION_PATTERN, REGION_RULE, SERVICE_NAME_PATTERN, SERVICE_NAME_RULE } from "../service-config/names";

// What the diagnosis, fix and redeploy routes take, checked before any cloud call.

export const serviceParams = z.object({
  region: z.string().regex(REGION_PATTERN, REGION_RULE),
  name: z.string().regex(SERVICE_NAME_PATTERN, SERVICE_NAME_RULE),
});

const FIX_ID_PATTERN = /^[a-z][a-z-]{0,39}(:[A-Za-z0-9._-]{1,128})?$/;

export const fixParams = serviceParams.extend({
  id: z.string().regex(FIX_ID_PATTERN, "fixId"),
});

/** How long a PassRole grant made by a fix lasts: one of the workflow's durations that end. */
const fixDuration = z.enum(BOUNDED_DURATIONS, "fixDuration");

/** The preview of a `grant-passrole` fix for another duration than the default. */
export const fixQuery = z.strictObject({ duration: fixDuration.optional() });

/** A fix is applied only when asked in so many words; `token` names the preview being confirmed. */
export const confirmBody = z.object({
  confirm: z.boolean().refine((v) => v, "mustBeTrue"),
  token: z.string().regex(/^[0-9a-f]{32}$/, "previewTokenFormat").optional(),
  duration: fixDuration.optional(),
});

export const redeployBody = z.object({ confirm: z.boolean().refine((v) => v, "mustBeTrue") });
