"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export type ParamChanges = Record<string, string | undefined>;

/** `search` with `changes` applied (empty or undefined removes a key); any change but a page turn goes back to page 1. */
export function applyParamChanges(search: string, changes: ParamChanges): string {
  const next = new URLSearchParams(search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === "") next.delete(k);
    else next.set(k, v);
  }
  if (!("page" in changes)) next.delete("page");
  return next.toString();
}

const withSearch = (pathname: string, search: string) => (search ? `${pathname}?${search}` : pathname);

/**
 * The list's state lives in the URL (filters, sort, page, page size, region), so a view survives
 * a reload and can be shared as a link. Links (sort headers, pages) are built from this render's
 * URL; a change made by a control is built from the address bar at the moment of the change and
 * written with the History API at once, so a second change made before the page re-renders
 * builds on the first instead of undoing it. The list fetches its own data, so no server
 * round trip is needed for the new URL.
 */
export function useListParams() {
  const pathname = usePathname();
  const params = useSearchParams();
  const qs = params.toString();

  const hrefWith = useCallback((changes: ParamChanges) => withSearch(pathname, applyParamChanges(qs, changes)), [pathname, qs]);

  const set = useCallback((changes: ParamChanges, opts?: { replace?: boolean }) => {
    const href = withSearch(window.location.pathname, applyParamChanges(window.location.search, changes));
    if (opts?.replace) window.history.replaceState(null, "", href);
    else window.history.pushState(null, "", href);
  }, []);

  /** Drops the named filters, keeping the sort and the page size. */
  const clear = useCallback((keys: readonly string[]) => set(Object.fromEntries(keys.map((k) => [k, undefined]))), [set]);

  return { params, qs, hrefWith, set, clear };
}
