import { z } from "zod";
import { MAX_PASTE_CHARS } from "./extract";

/** What a person pastes: the message, or an error holding it. */
const pasted = z.string().trim().min(1).max(MAX_PASTE_CHARS);

export const whyDeniedBody = z.object({ text: pasted }).strict();

export const applyDenialBody = z.object({ text: pasted, token: z.string().regex(/^[0-9a-f]{32}$/) }).strict();
