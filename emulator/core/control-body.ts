import { z } from "zod";
import { ApiError } from "./contract";

export interface ControlAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** The control API's JSON body, checked with zod; an empty body reads as `{}`. */
export function readJson<T>(schema: z.ZodType<T>, text: string): T {
  let raw: unknown = {};
  if (text.trim() !== "") {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ApiError(400, "InvalidParameter", "The body must be JSON.");
    }
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    throw new ApiError(400, "InvalidParameter", r.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  }
  return r.data;
}
