"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ApiErrorState } from "@/components/ui/api-error-state";
import { sendJson } from "@/components/ui/fetch-json";
import type { EvaluationResult } from "@/lib/policy/types";
import { buildSimulation, simulationSearch, type SimulationError, type SimulationField, type SimulationInput } from "@/lib/policy-view/simulation";
import { SimulatorFields } from "./simulator-fields";
import { SimulatorResult } from "./simulator-result";

// Presets for what an EAS service asks of its role: model files, a NAS mount, a custom image.
const PRESETS = [
  { key: "presetOss", action: "oss:GetObject", resource: "acs:oss:*:*:models/model.bin" },
  { key: "presetNas", action: "nas:DescribeFileSystems", resource: "acs:nas:*:*:filesystem/*" },
  { key: "presetCr", action: "cr:PullRepository", resource: "acs:cr:*:*:repository/*" },
] as const;

interface SimulateBody {
  principal: { type: "role"; name: string };
  action: string;
  resource: string;
  context: Record<string, string | string[]>;
  exclude?: string[];
}

/** The body of POST /api/simulate for the form's input, or the fields that are wrong. */
function requestFor(roleName: string, input: SimulationInput, exclude: string[]): { body: SimulateBody } | { errors: SimulationError[] } {
  const built = buildSimulation(input, { type: "RAMRole", account: "", name: roleName });
  if (!built.ok) return { errors: built.errors };
  const context = Object.fromEntries(Object.entries(built.request.context ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]));
  return { body: { principal: { type: "role", name: roleName }, action: built.request.action, resource: built.request.resource, context, ...(exclude.length > 0 ? { exclude } : {}) } };
}

type State = { result?: EvaluationResult; errors: SimulationError[]; failure?: Error; busy?: boolean };

/**
 * Asks POST /api/simulate for the role's decision (the server reads the policies RAM holds now),
 * optionally without some attached policies; the inputs live in the URL.
 */
export function Simulator({ roleName, policyNames, initial }: { roleName: string; policyNames: string[]; initial: SimulationInput }) {
  const t = useTranslations("policy.simulator");
  const [input, setInput] = useState<SimulationInput>(initial);
  const [without, setWithout] = useState<string[]>([]);
  // A shared link with a bad field opens on that field's rule, as a submit would.
  const [state, setState] = useState<State>(() => {
    const built = initial.action || initial.resource ? requestFor(roleName, initial, []) : undefined;
    return { errors: built && "errors" in built ? built.errors : [] };
  });
  const latest = useRef(0);

  // Each answer is shown only if no later request was made meanwhile.
  const ask = (body: SimulateBody) => {
    const call = ++latest.current;
    return sendJson<EvaluationResult>("/api/simulate", "POST", body).then(
      (result) => call === latest.current && setState({ result, errors: [] }),
      (err: unknown) => call === latest.current && setState({ errors: [], failure: err instanceof Error ? err : new Error(String(err)) }),
    );
  };
  const submit = (next: SimulationInput, exclude: string[] = without) => {
    const built = requestFor(roleName, next, exclude);
    if ("errors" in built) {
      setState({ errors: built.errors });
      document.getElementById(`sim-${built.errors[0].field}`)?.focus();
      return;
    }
    const search = simulationSearch(next);
    window.history.replaceState(null, "", `${window.location.pathname}${search ? `?${search}` : ""}#simulator`);
    setState((s) => ({ ...s, errors: [], busy: true }));
    void ask(built.body);
  };
  useEffect(() => {
    const built = requestFor(roleName, initial, []);
    if ((initial.action || initial.resource) && "body" in built) void ask(built.body);
    // Runs once: the request the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(input);
  };
  const set = (field: SimulationField, value: string) => setInput((prev) => ({ ...prev, [field]: value || undefined }));
  const toggle = (name: string, off: boolean) => {
    const next = off ? [...without, name] : without.filter((n) => n !== name);
    setWithout(next);
    if (state.result) submit(input, next);
  };

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
        {policyNames.length > 0 && (
          <fieldset className="rounded border border-slate-200 px-3 pb-2 pt-1" data-testid="sim-without">
            <legend className="px-1 text-xs font-medium text-slate-600">{t("withoutLegend")}</legend>
            <p className="mb-1.5 text-[11px] text-slate-500">{t("withoutHint")}</p>
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              {policyNames.map((name) => (
                <li key={name}>
                  <label className="inline-flex items-center gap-1.5 text-xs text-slate-800">
                    <input type="checkbox" checked={without.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
                    {t("without", { policy: name })}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <div className="flex items-center gap-2">
          <Button type="submit" variant="primary" disabled={state.busy}>{t("submit")}</Button>
          <Button
            onClick={() => {
              setInput({});
              setWithout([]);
              setState({ errors: [] });
              window.history.replaceState(null, "", `${window.location.pathname}#simulator`);
            }}
          >
            {t("reset")}
          </Button>
        </div>
      </form>
      {state.failure ? <ApiErrorState title={t("failed")} error={state.failure} /> : <SimulatorResult result={state.result} without={without} />}
    </div>
  );
}
