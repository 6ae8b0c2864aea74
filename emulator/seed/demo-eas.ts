// Seeds the demo account's EAS services through the EAS API itself, so every outcome is
// computed from the demo RAM state, with a few days of history behind each service.
import type { Caller, EasContext, EasModuleInstance, EasRequest, RamView } from "../core/contract";
import { mergePatch, type Json } from "../eas/merge";
import { demoServices, type DemoCallerName } from "./demo-eas-configs";

const DAY_MS = 24 * 3600 * 1000;

export function seedDemoServices(
  eas: EasModuleInstance,
  ram: RamView,
  callers: Record<DemoCallerName, Caller>,
  now: Date,
): void {
  let seq = 0;
  const call = (caller: Caller, region: string, at: Date, req: EasRequest) => {
    const ctx: EasContext = { region, caller, ram, requestId: `SEED-${++seq}`, now: () => at, markDirty: () => undefined };
    return eas.handle(req, ctx);
  };
  // Minutes past midnight differ per service so the history does not line up.
  const daysAgo = (d: number, i: number) => new Date(now.getTime() - d * DAY_MS + (i * 37 + 9) * 60_000);
  const steps: { at: Date; run: () => unknown }[] = [];
  demoServices(ram.accountId).forEach((s, i) => {
    const caller = callers[s.by];
    const name = String(s.config.name);
    const path = `/api/v2/services/${s.region}/${name}`;
    const at = daysAgo(s.createdDaysAgo, i);
    steps.push({ at, run: () => call(caller, s.region, at, { method: "POST", pathname: "/api/v2/services", query: {}, body: JSON.stringify(s.config) }) });
    // Each update sends the top-level keys it changes whole, as a careful client does, so the
    // history is the same whatever --update-merge says.
    let current = s.config as Json;
    for (const u of s.updates ?? []) {
      const uAt = daysAgo(u.daysAgo, i);
      const before = current as Record<string, Json>;
      const whole = Object.fromEntries(Object.entries(u.patch as Record<string, Json>).map(([k, v]) => [k, mergePatch(before[k] ?? null, v)]));
      current = mergePatch(current, whole);
      steps.push({ at: uAt, run: () => call(caller, s.region, uAt, { method: "PUT", pathname: path, query: { UpdateType: "merge" }, body: JSON.stringify(whole) }) });
    }
    if (s.stopDaysAgo !== undefined) {
      const sAt = daysAgo(s.stopDaysAgo, i);
      steps.push({ at: sAt, run: () => call(caller, s.region, sAt, { method: "PUT", pathname: `${path}/stop`, query: {}, body: "" }) });
    }
  });
  // In time order, each deployment finished before the next request, as it was in the past.
  for (const step of steps.sort((a, b) => a.at.getTime() - b.at.getTime())) {
    step.run();
    eas.settle();
  }
}
