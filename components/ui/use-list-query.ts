"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "./fetch-json";

/**
 * A server-paged list read from `url` with the page's query string, cached per query.
 * `refresh` runs `dropServerCache` (the server's own cached cloud reads), then reads this page
 * again and marks the list's other cached pages stale.
 */
export function useListQuery<D>(url: string, qs: string, dropServerCache: () => Promise<unknown>) {
  const client = useQueryClient();
  const [refreshing, setRefreshing] = useState(false);
  const query = useQuery({
    queryKey: [url, qs],
    queryFn: () => fetchJson<D>(qs ? `${url}?${qs}` : url),
    placeholderData: keepPreviousData,
  });
  const refresh = async () => {
    setRefreshing(true);
    try {
      await dropServerCache().catch(() => undefined);
      await client.invalidateQueries({ queryKey: [url] });
    } finally {
      setRefreshing(false);
    }
  };
  return { ...query, refresh, refreshing };
}
