"use client";

import { useQuery } from "@tanstack/react-query";
import type { PreflightAnswer } from "@/lib/preflight/run";
import { postJson } from "@/components/wizard/post-json";

/** Preflight of a config as it stands, read again whenever the config, region or deployer changes. */
export function usePreflight(input: { config: unknown; region: string; deployer?: string }, enabled = true) {
  return useQuery({
    queryKey: ["preflight", input],
    queryFn: ({ signal }) => postJson<PreflightAnswer>("/api/preflight", input, { signal }),
    enabled,
    staleTime: 0,
    retry: false,
  });
}
