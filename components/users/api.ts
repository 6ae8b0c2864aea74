import { ApiCallError, sendJson } from "@/components/ui/fetch-json";

// Browser-side calls to the user-management route handlers; the server checks `users:manage` on each.
export async function sendUserChange(url: string, method: "POST" | "PATCH", body: unknown): Promise<ApiCallError | null> {
  try {
    await sendJson(url, method, body);
    return null;
  } catch (err) {
    if (err instanceof ApiCallError) return err;
    return new ApiCallError(0, { code: "network", message: err instanceof Error ? err.message : "network error" });
  }
}
