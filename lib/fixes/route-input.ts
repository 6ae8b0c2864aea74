import { z } from "zod";
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

/** A fix is applied only when asked in so many words; `token` names the preview being confirmed. */
export const confirmBody = z.object({
  confirm: z.boolean().refine((v) => v, "mustBeTrue"),
  token: z.string().regex(/^[0-9a-f]{32}$/, "previewTokenFormat").optional(),
});

export const redeployBody = z.object({ confirm: z.boolean().refine((v) => v, "mustBeTrue") });
