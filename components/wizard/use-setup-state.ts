"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { readState, writeState, type SetupState } from "@/lib/wizard/state";

/**
 * The setup's state, read from the URL and written back to it: a field edit replaces the history
 * entry, a step change pushes one (so Back goes to the previous step). No server round trip.
 */
export function useSetupState() {
  const params = useSearchParams();
  const pathname = usePathname();
  const qs = params.toString();
  const state = useMemo(() => readState(new URLSearchParams(qs)), [qs]);

  const href = useCallback((s: SetupState) => {
    const next = writeState(s).toString();
    return next ? `${pathname}?${next}` : pathname;
  }, [pathname]);

  /** A link to this setup with `patch` applied, for rendering. */
  const linkTo = useCallback((patch: Partial<SetupState>) => href({ ...state, ...patch }), [href, state]);

  const update = useCallback(
    (patch: Partial<SetupState>, opts: { push?: boolean } = {}) => {
      // Read the URL itself: several edits in one event must not overwrite each other.
      const url = href({ ...readState(new URLSearchParams(window.location.search)), ...patch });
      if (opts.push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [href],
  );

  return { state, update, linkTo };
}
