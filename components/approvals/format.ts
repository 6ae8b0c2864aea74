/** `2026-12-01T10:31:12.000Z` → `2026-12-01 10:31` (UTC, as every time in the console). */
export function utcMinute(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 16).replace("T", " ") : "";
}
