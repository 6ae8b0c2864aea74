"use client";

import { useCallback, useState } from "react";
import type { ApiError } from "@/lib/errors/app-error";
import type { StepOutcome } from "@/lib/writes/run-plan";
import { ApiRequestError, postStream } from "./post-json";

export type StepState = "pending" | "running" | StepOutcome["state"];

export interface StepView {
  id: string;
  operation: string;
  target: string;
  state: StepState;
  requestId?: string;
  error?: StepOutcome["error"];
}

export interface ApplyState {
  phase: "idle" | "running" | "done" | "failed";
  steps: StepView[];
  /** A refusal before any step ran (forbidden, stale preview, preflight), or a failure after. */
  error?: ApiError;
}

type Line =
  | { type: "plan"; steps: { id: string; operation: string; target: string }[] }
  | { type: "step"; step: StepOutcome }
  | { type: "done"; ok: boolean; steps: StepOutcome[] }
  | { type: "error"; error: ApiError };

const markNext = (steps: StepView[]) => {
  const i = steps.findIndex((s) => s.state === "pending");
  return i < 0 ? steps : steps.map((s, j) => (j === i ? { ...s, state: "running" as const } : s));
};

/** Applies a previewed plan and follows its progress, step by step, from the streamed answer. */
export function useApply(url: string) {
  const [state, setState] = useState<ApplyState>({ phase: "idle", steps: [] });
  const apply = useCallback(
    async (body: unknown) => {
      setState({ phase: "running", steps: [] });
      const onLine = (raw: unknown) => {
        const line = raw as Line;
        setState((s) => {
          if (line.type === "plan") return { ...s, steps: markNext(line.steps.map((st) => ({ ...st, state: "pending" }))) };
          if (line.type === "step") return { ...s, steps: markNext(s.steps.map((st) => (st.id === line.step.id ? { ...st, ...line.step } : st))) };
          if (line.type === "done") return { phase: line.ok ? "done" : "failed", steps: line.steps.map((st) => ({ ...st })) };
          return { ...s, phase: "failed", error: line.error };
        });
      };
      try {
        await postStream(url, body, onLine);
      } catch (err) {
        const error = err instanceof ApiRequestError ? err.error : { code: "internal_error" as const, message: err instanceof Error ? err.message : String(err) };
        setState((s) => ({ ...s, phase: "failed", error }));
      }
    },
    [url],
  );
  return { state, apply, reset: () => setState({ phase: "idle", steps: [] }) };
}
