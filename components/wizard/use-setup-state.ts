"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { readState, writeState, type SetupState } from "@/lib/wizard/state";

/**
 * The setup's state, kept in the URL: a field edit replaces the history entry, a step change
 * pushes one (so Back goes to the previous step), with no server round trip. The URL reaches
 * useSearchParams a moment later, so the state is also held here: controlled inputs must see
 * each keystroke at once. Back, Forward and links bring the URL's state in again.
 */
export function useSetupState() {
  const params = useSearchParams();
  const pathname = usePathname();
  const qs = params.toString();
  const [state, setState] = useState(() => readState(new URLSearchParams(qs)));
  const latest = useRef(state);
  // Query strings this page wrote and useSearchParams has not caught up with yet.
  const written = useRef(new Set<string>());

  useEffect(() => {
    if (qs === writeState(latest.current).toString()) return written.current.clear();
    if (written.current.has(qs)) return;
    const fromUrl = readState(new URLSearchParams(qs));
    latest.current = fromUrl;
    written.current.clear();
    setState(fromUrl);
  }, [qs]);

  const href = useCallback((s: SetupState) => {
    const next = writeState(s).toString();
    return next ? `${pathname}?${next}` : pathname;
  }, [pathname]);

  /** A link to this setup with `patch` applied, for rendering. */
  const linkTo = useCallback((patch: Partial<SetupState>) => href({ ...state, ...patch }), [href, state]);

  const update = useCallback(
    (patch: Partial<SetupState>, opts: { push?: boolean } = {}) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setState(next);
      const nextQs = writeState(next).toString();
      written.current.add(nextQs);
      if (opts.push) window.history.pushState(null, "", href(next));
      else window.history.replaceState(null, "", href(next));
    },
    [href],
  );

  return { state, update, linkTo };
}
