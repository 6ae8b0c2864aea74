import { z } from "zod";
import type { SimulationInput } from "./simulation";

// A simulation travels in the URL (`?action=…&resource=…`) so that it is a link. The URL is
// read leniently: a value too long or out of range is dropped rather than failing the page.
// Action and resource are kept whatever their length (the server already caps a request line),
// so that the form can say which one is longer than RAM allows.

const field = (max?: number) => (max === undefined ? z.string() : z.string().max(max)).optional().catch(undefined);
const flag = z.enum(["true", "false"]).optional().catch(undefined);

export const simulationQuerySchema = z.object({
  action: field(),
  resource: field(),
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
