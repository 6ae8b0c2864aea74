import { z } from "zod";

// Boundary schemas for the engine's option and principal inputs. The hot path (`evaluate`)
// stays schema-free for speed; its inputs come from code that already validated them.

export const principalSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("RAMUser"), account: z.string().min(1), name: z.string().min(1) }),
  z.object({ type: z.literal("RAMRole"), account: z.string().min(1), name: z.string().min(1) }),
  z.object({ type: z.literal("Root"), account: z.string().min(1) }),
  z.object({ type: z.literal("Service"), service: z.string().min(1) }),
  z.object({ type: z.literal("Federated"), provider: z.string().min(1) }),
]);

export const lintOptionsSchema = z
  .object({
    kind: z.enum(["permission", "trust"]).optional(),
    usedByEas: z.boolean().optional(),
    now: z.date().optional(),
  })
  .optional();
