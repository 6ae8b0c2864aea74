"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "./fetch-json";

/**
 * A server-paged list read from `url` with the page's query string, cached per query; `refresh`
 * asks the server to read the cloud again (`refresh=1`) and drops this list's other cached pages.
 */
export function useListQuery<D>(url: string, qs: string) {
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
      const fresh = await fetchJson<D>(`${url}?${qs ? `${qs}&` : ""}refresh=1`);
      client.setQueryData([url, qs], fresh);
      await client.invalidateQueries({ queryKey: [url], predicate: (q) => q.queryKey[1] !== qs });
    } catch {
      await query.refetch();
    } finally {
      setRefreshing(false);
    }
  };
  return { ...query, refresh, refreshing };
}
