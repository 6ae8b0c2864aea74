"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { evaluate } from "@/lib/policy/evaluate";
import type { EvaluationResult, NamedPolicy, Principal } from "@/lib/policy/types";
import { buildSimulation, simulationSearch, type SimulationError, type SimulationField, type SimulationInput } from "@/lib/policy-view/simulation";
import { SimulatorFields } from "./simulator-fields";
import { SimulatorResult } from "./simulator-result";

// Presets for what an EAS service asks of its role: model files, a NAS mount, a custom image.
const PRESETS = [
  { key: "presetOss", action: "oss:GetObject", resource: "acs:oss:*:*:models/model.bin" },
  { key: "presetNas", action: "nas:DescribeFileSystems", resource: "acs:nas:*:*:filesystem/*" },
  { key: "presetCr", action: "cr:PullRepository", resource: "acs:cr:*:*:repository/*" },
] as const;

function run(input: SimulationInput, principal: Principal, policies: NamedPolicy[]) {
  const built = buildSimulation(input, principal);
  return built.ok ? { result: evaluate(built.request, policies), errors: [] } : { result: undefined, errors: built.errors };
}

/** Evaluates requests against the role's policies in the browser; the inputs live in the URL. */
export function Simulator({ principal, policies, initial }: { principal: Principal; policies: NamedPolicy[]; initial: SimulationInput }) {
  const t = useTranslations("policy.simulator");
  const [input, setInput] = useState<SimulationInput>(initial);
  const [state, setState] = useState<{ result?: EvaluationResult; errors: SimulationError[] }>(() =>
    initial.action || initial.resource ? run(initial, principal, policies) : { errors: [] },
  );

  const submit = (next: SimulationInput) => {
    const out = run(next, principal, policies);
    setState(out);
    if (out.errors.length > 0) {
      document.getElementById(`sim-${out.errors[0].field}`)?.focus();
      return;
    }
    const search = simulationSearch(next);
    window.history.replaceState(null, "", `${window.location.pathname}${search ? `?${search}` : ""}#simulator`);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(input);
  };
  const set = (field: SimulationField, value: string) => setInput((prev) => ({ ...prev, [field]: value || undefined }));

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form onSubmit={onSubmit} noValidate aria-label={t("submit")} className="min-w-0 space-y-3">
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="text-xs text-slate-600">{t("presets")}:</span>
          {PRESETS.map((p) => (
            <Button
              key={p.key}
              size="sm"
              variant="ghost"
              className="ring-1 ring-inset ring-slate-200"
              onClick={() => {
                const next = { ...input, action: p.action, resource: p.resource };
                setInput(next);
                submit(next);
              }}
            >
              {t(p.key)}
            </Button>
          ))}
        </div>
        <SimulatorFields input={input} errors={state.errors} onChange={set} />
        <div className="flex items-center gap-2">
          <Button type="submit" variant="primary">{t("submit")}</Button>
          <Button
            onClick={() => {
              setInput({});
              setState({ errors: [] });
              window.history.replaceState(null, "", `${window.location.pathname}#simulator`);
            }}
          >
            {t("reset")}
          </Button>
        </div>
      </form>
      <SimulatorResult result={state.result} />
    </div>
  );
}
