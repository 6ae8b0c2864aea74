import type { Page } from "./common";

/** Every item of a RAM list: follows Marker while IsTruncated. `fetchPage` may queue or cache each call. */
export async function followMarkers<T>(fetchPage: (marker?: string) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let marker: string | undefined;
  do {
    const p = await fetchPage(marker);
    out.push(...p.items);
    marker = p.isTruncated ? p.marker : undefined;
  } while (marker);
  return out;
}
