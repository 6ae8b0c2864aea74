"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Paged } from "@/lib/inventory/types";
import { fetchJson } from "./fetch-json";

/** A server-paged list keyed by its URL query, with a refresh that bypasses the server's cache too. */
export function useListQuery<T>(resource: "services" | "roles", qs: string) {
  const client = useQueryClient();
  const [refreshing, setRefreshing] = useState(false);
  const query = useQuery({
    queryKey: [resource, qs],
    queryFn: () => fetchJson<Paged<T>>(`/api/${resource}${qs ? `?${qs}` : ""}`),
    placeholderData: keepPreviousData,
  });
  const refresh = async () => {
    setRefreshing(true);
    try {
      const sep = qs ? "&" : "";
      const fresh = await fetchJson<Paged<T>>(`/api/${resource}?${qs}${sep}refresh=1`);
      client.setQueryData([resource, qs], fresh);
      await client.invalidateQueries({ queryKey: [resource], predicate: (q) => q.queryKey[1] !== qs });
    } catch {
      await query.refetch();
    } finally {
      setRefreshing(false);
    }
  };
  return { ...query, refresh, refreshing };
}
