import type { Needs } from "./needs";

// Method 1 (the PAI default role) reaches only MaxCompute and OSS; anything else needs a custom
// role (Method 2). Each reason is a stable key whose sentence lives in the catalog.

type MethodReason = "default-products" | "no-needs" | "nas-mount" | "custom-image" | "other-products";

export interface Recommendation {
  method: 1 | 2;
  reasons: MethodReason[];
}

export function recommendMethod(needs: Needs): Recommendation {
  const beyond: MethodReason[] = [];
  if (needs.mounts.some((m) => m.kind === "nas")) beyond.push("nas-mount");
  if (needs.image !== "") beyond.push("custom-image");
  if (needs.other.length > 0) beyond.push("other-products");
  if (beyond.length > 0) return { method: 2, reasons: beyond };
  const any = needs.oss.length > 0 || needs.maxcompute !== undefined || needs.mounts.length > 0;
  return { method: 1, reasons: [any ? "default-products" : "no-needs"] };
}
