"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo } from "react";

export type ParamChanges = Record<string, string | undefined>;

/** `search` with `changes` applied (empty or undefined removes a key); any change but a page turn goes back to page 1. */
function applyParamChanges(search: string, changes: ParamChanges): string {
  const next = new URLSearchParams(search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === "") next.delete(k);
    else next.set(k, v);
  }
  if (!("page" in changes)) next.delete("page");
  return next.toString();
}

const withSearch = (pathname: string, search: string) => (search ? `${pathname}?${search}` : pathname);

/** `search` without the parameters that still hold the value the page refused. */
function withoutIgnored(search: string, ignored: Record<string, string>): string {
  const next = new URLSearchParams(search);
  for (const [k, v] of Object.entries(ignored)) if (next.get(k) === v) next.delete(k);
  return next.toString();
}

/**
 * The list's state lives in the URL (filters, sort, page, page size, region), so a view survives
 * a reload and can be shared as a link. Links (sort headers, pages) are built from this render's
 * URL; a change made by a control is built from the address bar at the moment of the change and
 * written with the History API at once, so a second change made before the page re-renders
 * builds on the first instead of undoing it. The list fetches its own data, so no server
 * round trip is needed for the new URL.
 *
 * `ignored` names the parameters (with their values) the page could not use: the list reads
 * without them, and they leave the address bar, so a reload or a shared link no longer holds them.
 */
export function useListParams(ignored?: Record<string, string>) {
  const pathname = usePathname();
  const search = useSearchParams();
  const key = ignored && Object.keys(ignored).length > 0 ? JSON.stringify(ignored) : "";
  const params = useMemo(() => (key ? new URLSearchParams(withoutIgnored(search.toString(), JSON.parse(key) as Record<string, string>)) : search), [search, key]);
  const qs = params.toString();

  useEffect(() => {
    if (!key) return;
    const cleaned = withoutIgnored(window.location.search, JSON.parse(key) as Record<string, string>);
    if (cleaned !== window.location.search.replace(/^\?/, "")) window.history.replaceState(null, "", withSearch(window.location.pathname, cleaned));
  }, [key]);

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
