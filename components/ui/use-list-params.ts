"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * The list's state lives in the URL (filters, sort, page, region), so a view survives a reload
 * and can be shared as a link. Changing a filter goes back to page 1.
 */
export function useListParams() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const qs = params.toString();

  const hrefWith = useCallback(
    (changes: Record<string, string | undefined>) => {
      const next = new URLSearchParams(qs);
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined || v === "") next.delete(k);
        else next.set(k, v);
      }
      if (!("page" in changes)) next.delete("page");
      const s = next.toString();
      return s ? `${pathname}?${s}` : pathname;
    },
    [pathname, qs],
  );

  const set = useCallback(
    (changes: Record<string, string | undefined>, opts?: { replace?: boolean }) => {
      const href = hrefWith(changes);
      if (opts?.replace) router.replace(href, { scroll: false });
      else router.push(href, { scroll: false });
    },
    [hrefWith, router],
  );

  return { params, qs, hrefWith, set, clear: () => router.push(pathname, { scroll: false }) };
}
