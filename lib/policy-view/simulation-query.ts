import { z } from "zod";
import type { SimulationInput } from "./simulation";

// A simulation travels in the URL (`?action=…&resource=…`) so that it is a link. The URL is
// read leniently: a value too long or out of range is dropped rather than failing the page.

const field = (max: number) => z.string().max(max).optional().catch(undefined);
const flag = z.enum(["true", "false"]).optional().catch(undefined);

export const simulationQuerySchema = z.object({
  action: field(256),
  resource: field(1024),
  ip: field(64),
  time: field(64),
  secure: flag,
  mfa: flag,
  ctx: field(2048),
}) satisfies z.ZodType<SimulationInput>;

export function readSimulationQuery(params: Record<string, string | string[] | undefined>): SimulationInput {
  const first = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = simulationQuerySchema.parse(first);
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as SimulationInput;
}
